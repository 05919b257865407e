import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { ServiceRequestsService } from './service-requests.service.js';

@Controller()
export class ServiceRequestsController {
  constructor(private readonly requests: ServiceRequestsService) {}

  @Endpoint(routes.createServiceRequest)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createServiceRequest>) {
    return this.requests.create(auth, body);
  }

  @Endpoint(routes.listServiceRequests)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listServiceRequests>) {
    return this.requests.list(auth, query);
  }

  @Endpoint(routes.acceptServiceRequest)
  accept(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.acceptServiceRequest>) {
    return this.requests.accept(auth, params.id);
  }

  @Endpoint(routes.declineServiceRequest)
  decline(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.declineServiceRequest>) {
    return this.requests.decline(auth, params.id, body.reason);
  }

  @Endpoint(routes.assignServiceRequest)
  assign(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.assignServiceRequest>) {
    return this.requests.assign(auth, params.id, body);
  }

  @Endpoint(routes.startServiceRequest)
  start(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.startServiceRequest>) {
    return this.requests.start(auth, params.id);
  }

  @Endpoint(routes.finishServiceRequest)
  done(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.finishServiceRequest>) {
    return this.requests.done(auth, params.id, body.note);
  }

  @Endpoint(routes.confirmServiceRequest)
  confirm(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.confirmServiceRequest>) {
    return this.requests.confirm(auth, params.id, body.rating, body.comment);
  }

  @Endpoint(routes.cancelServiceRequest)
  cancel(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.cancelServiceRequest>) {
    return this.requests.cancel(auth, params.id);
  }
}
