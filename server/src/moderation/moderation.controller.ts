import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { ModerationService } from './moderation.service.js';

@Controller()
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Endpoint(routes.heldContent)
  list(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.heldContent>) {
    return this.moderation.list(auth, params.id);
  }

  @Endpoint(routes.decideHeldContent)
  decide(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.decideHeldContent>) {
    return this.moderation.decide(auth, body);
  }
}
