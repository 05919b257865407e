import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { GrantsService } from './grants.service.js';
import { InvitesService } from './invites.service.js';

@Controller()
export class AdoptionController {
  constructor(
    private readonly invites: InvitesService,
    private readonly grants: GrantsService,
  ) {}

  @Endpoint(routes.createInvite)
  createInvite(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createInvite>) {
    return this.invites.create(auth, body);
  }

  @Endpoint(routes.showInvite)
  showInvite(@Input() { params }: RouteInput<typeof routes.showInvite>) {
    return this.invites.show(params.code);
  }

  @Endpoint(routes.acceptInvite)
  acceptInvite(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.acceptInvite>) {
    return this.invites.accept(auth, params.code);
  }

  @Endpoint(routes.listGrants)
  listGrants(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listGrants>) {
    return this.grants.list(auth, query);
  }

  @Endpoint(routes.revokeGrant)
  async revokeGrant(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.revokeGrant>) {
    await this.grants.revoke(auth, params.id);
    return { ok: true as const };
  }
}
