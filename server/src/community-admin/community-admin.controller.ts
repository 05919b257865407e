import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { CommunityAdminService } from './community-admin.service.js';

@Controller()
export class CommunityAdminController {
  constructor(private readonly communities: CommunityAdminService) {}

  @Endpoint(routes.createCommunity)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createCommunity>) {
    return this.communities.create(auth, body);
  }

  @Endpoint(routes.updateCommunity)
  update(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.updateCommunity>) {
    return this.communities.update(auth, params.id, body);
  }

  @Endpoint(routes.createHousehold)
  addHousehold(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.createHousehold>) {
    return this.communities.addHousehold(auth, params.id, body);
  }

  @Endpoint(routes.importHouseholds)
  importHouseholds(@CurrentUser() auth: AuthContext, @Input() { params, query, body }: RouteInput<typeof routes.importHouseholds>) {
    return this.communities.importHouseholds(auth, params.id, query.dryRun, body);
  }
}
