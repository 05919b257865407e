import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { MeService } from './me.service.js';

@Controller()
export class MeController {
  constructor(private readonly me: MeService) {}

  @Endpoint(routes.me)
  get(@CurrentUser() auth: AuthContext) {
    return this.me.me(auth.userId);
  }

  @Endpoint(routes.updateMe)
  update(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.updateMe>) {
    return this.me.update(auth.userId, body);
  }
}
