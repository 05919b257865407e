import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { ManagedService } from './managed.service.js';

@Controller()
export class ManagedController {
  constructor(private readonly managed: ManagedService) {}

  @Endpoint(routes.createManagedResident)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createManagedResident>) {
    return this.managed.create(auth, body);
  }

  @Endpoint(routes.listManagedResidents)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listManagedResidents>) {
    return this.managed.list(auth, query);
  }

  @Endpoint(routes.managedSignUp)
  signUp(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.managedSignUp>) {
    return this.managed.signUp(auth, params.id, body);
  }

  @Endpoint(routes.createHandover)
  handover(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.createHandover>) {
    return this.managed.handover(auth, params.id);
  }

  @Endpoint(routes.acceptHandover)
  accept(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.acceptHandover>) {
    return this.managed.accept(auth, params.code);
  }
}
