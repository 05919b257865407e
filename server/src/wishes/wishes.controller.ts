import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { WishesService } from './wishes.service.js';

@Controller()
export class WishesController {
  constructor(private readonly wishes: WishesService) {}

  @Endpoint(routes.createWish)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createWish>) {
    return this.wishes.create(auth, body);
  }

  @Endpoint(routes.listWishes)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listWishes>) {
    return this.wishes.list(auth, query);
  }

  @Endpoint(routes.claimWish)
  claim(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.claimWish>) {
    return this.wishes.claim(auth, params.id, body.organisationId);
  }

  @Endpoint(routes.deliverWish)
  deliver(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.deliverWish>) {
    return this.wishes.deliver(auth, params.id, body.note);
  }

  @Endpoint(routes.confirmWish)
  confirm(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.confirmWish>) {
    return this.wishes.confirm(auth, params.id);
  }
}
