import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { LogsService } from './logs.service.js';
import { TasksService } from './tasks.service.js';

@Controller()
export class LogsController {
  constructor(
    private readonly logs: LogsService,
    private readonly tasks: TasksService,
  ) {}

  @Endpoint(routes.createServiceLog)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createServiceLog>) {
    return this.logs.create(auth, body);
  }

  @Endpoint(routes.listServiceLogs)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listServiceLogs>) {
    return this.logs.list(auth, query);
  }

  @Endpoint(routes.voidServiceLog)
  void(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.voidServiceLog>) {
    return this.logs.void(auth, params.id, body.reason);
  }

  @Endpoint(routes.myServiceTasks)
  myTasks(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.myServiceTasks>) {
    return this.tasks.mine(auth, query.withinDays);
  }
}
