import { Controller, Res } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { sendFile } from '../common/send-file.js';
import { overviewWorkbook } from './stats-export.js';
import { StatsService } from './stats.service.js';

@Controller()
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Endpoint(routes.statsOverview)
  overview(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.statsOverview>) {
    return this.stats.overview(auth, query);
  }

  @Endpoint(routes.exportStatsOverview)
  async export(
    @CurrentUser() auth: AuthContext,
    @Input() { query }: RouteInput<typeof routes.exportStatsOverview>,
    @Res({ passthrough: false }) reply: FastifyReply,
  ) {
    const overview = await this.stats.overview(auth, query);
    await sendFile(reply, await overviewWorkbook(overview), `stats-${overview.from}-${overview.to}.xlsx`);
  }

  @Endpoint(routes.myVolunteerHours)
  myVolunteerHours(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.myVolunteerHours>) {
    return this.stats.myVolunteerHours(auth, query);
  }
}
