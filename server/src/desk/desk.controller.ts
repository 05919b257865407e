import { Controller, Headers, Ip } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { DeskLoginService } from './desk-login.service.js';
import { DeskSessionsService } from './desk-sessions.service.js';

@Controller()
export class DeskController {
  constructor(
    private readonly logins: DeskLoginService,
    private readonly sessions: DeskSessionsService,
  ) {}

  @Endpoint(routes.createDeskLogin)
  create(@Headers('user-agent') userAgent: string | undefined, @Ip() ip: string) {
    return this.logins.create(userAgent, ip);
  }

  @Endpoint(routes.deskLoginState)
  state(@Input() { params, query }: RouteInput<typeof routes.deskLoginState>) {
    return this.logins.state(params.ticket, query.key);
  }

  @Endpoint(routes.confirmDeskLogin)
  async confirm(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.confirmDeskLogin>) {
    await this.logins.confirm(auth, params.ticket);
    return { ok: true as const };
  }

  @Endpoint(routes.myDeskSessions)
  list(@CurrentUser() auth: AuthContext) {
    return this.sessions.list(auth);
  }

  @Endpoint(routes.revokeDeskSession)
  async revoke(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.revokeDeskSession>) {
    await this.sessions.revoke(auth, params.id);
    return { ok: true as const };
  }
}
