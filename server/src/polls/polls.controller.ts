import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { PollsService } from './polls.service.js';

@Controller()
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Endpoint(routes.listPolls)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listPolls>) {
    return this.polls.list(auth, query);
  }

  @Endpoint(routes.getPoll)
  get(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.getPoll>) {
    return this.polls.get(auth, params.id);
  }

  @Endpoint(routes.createPoll)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createPoll>) {
    return this.polls.create(auth, body);
  }

  @Endpoint(routes.updatePoll)
  update(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.updatePoll>) {
    return this.polls.update(auth, params.id, body);
  }

  @Endpoint(routes.openPoll)
  open(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.openPoll>) {
    return this.polls.open(auth, params.id);
  }

  @Endpoint(routes.closePoll)
  close(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.closePoll>) {
    return this.polls.close(auth, params.id);
  }

  @Endpoint(routes.pollResults)
  results(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.pollResults>) {
    return this.polls.resultsFor(auth, params.id);
  }

  @Endpoint(routes.publishPollResult)
  publish(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.publishPollResult>) {
    return this.polls.publish(auth, params.id, body.statement);
  }
}
