import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { NotificationService } from './notification.service.js';

@Controller()
export class InboxController {
  constructor(private readonly notifications: NotificationService) {}

  @Endpoint(routes.myInbox)
  inbox(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.myInbox>) {
    return this.notifications.inboxOf(auth.userId, query.page, query.pageSize);
  }

  @Endpoint(routes.markInboxRead)
  markRead(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.markInboxRead>) {
    return this.notifications.markRead(auth.userId, body.ids);
  }
}
