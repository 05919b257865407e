import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { WechatMessages } from './wechat-messages.service.js';

@Controller()
export class SubscriptionsController {
  constructor(private readonly messages: WechatMessages) {}

  @Endpoint(routes.subscribeTemplates)
  templates() {
    return this.messages.templates();
  }

  @Endpoint(routes.recordSubscriptions)
  record(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.recordSubscriptions>) {
    return this.messages.record(auth, body);
  }

  @Endpoint(routes.failedWechatSends)
  failed(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.failedWechatSends>) {
    return this.messages.failed(auth, query.page, query.pageSize);
  }
}
