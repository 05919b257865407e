import { Controller } from '@nestjs/common';
import { routes } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { MeService } from './me.service.js';

@Controller()
export class MeController {
  constructor(private readonly me: MeService) {}

  @Endpoint(routes.me)
  get(@CurrentUser() auth: AuthContext) {
    return this.me.me(auth.userId);
  }
}
