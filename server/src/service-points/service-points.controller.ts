import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { NearbyService } from './nearby.service.js';
import { ServicePointsService } from './service-points.service.js';

@Controller()
export class ServicePointsController {
  constructor(
    private readonly points: ServicePointsService,
    private readonly nearby: NearbyService,
  ) {}

  @Endpoint(routes.nearbyServicePoints)
  near(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.nearbyServicePoints>) {
    return this.nearby.near(auth, query);
  }

  @Endpoint(routes.communityCentres)
  centres(@CurrentUser() auth: AuthContext) {
    return this.points.centres(auth);
  }

  @Endpoint(routes.setCommunityCentre)
  setCentre(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.setCommunityCentre>) {
    return this.points.setCentre(auth, params.id, body);
  }

  @Endpoint(routes.servicePoints)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.servicePoints>) {
    return this.points.list(auth, query);
  }

  @Endpoint(routes.getServicePoint)
  get(@Input() { params }: RouteInput<typeof routes.getServicePoint>) {
    return this.points.get(params.id);
  }

  @Endpoint(routes.createServicePoint)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createServicePoint>) {
    return this.points.create(auth, body);
  }

  @Endpoint(routes.updateServicePoint)
  update(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.updateServicePoint>) {
    return this.points.update(auth, params.id, body);
  }

  @Endpoint(routes.deleteServicePoint)
  async remove(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.deleteServicePoint>) {
    await this.points.remove(auth, params.id);
    return { ok: true as const };
  }
}
