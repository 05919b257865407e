import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { PhoneService } from './phone.service.js';

@Controller()
export class PhoneController {
  constructor(private readonly phones: PhoneService) {}

  @Endpoint(routes.bindPhone)
  bind(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.bindPhone>) {
    return this.phones.bind(auth, body.code);
  }

  @Endpoint(routes.unbindPhone)
  unbind(@CurrentUser() auth: AuthContext) {
    return this.phones.unbind(auth);
  }
}
