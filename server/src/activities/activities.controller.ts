import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { ActivitiesService } from './activities.service.js';

@Controller()
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Endpoint(routes.listActivities)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listActivities>) {
    return this.activities.list(auth, query);
  }

  @Endpoint(routes.getActivity)
  get(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.getActivity>) {
    return this.activities.get(auth, params.id);
  }

  @Endpoint(routes.createActivity)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createActivity>) {
    return this.activities.create(auth, body);
  }

  @Endpoint(routes.updateActivity)
  update(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.updateActivity>) {
    return this.activities.update(auth, params.id, body);
  }

  @Endpoint(routes.publishActivity)
  publish(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.publishActivity>) {
    return this.activities.publish(auth, params.id);
  }

  @Endpoint(routes.cancelActivity)
  cancel(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.cancelActivity>) {
    return this.activities.cancel(auth, params.id, body.reason);
  }
}
