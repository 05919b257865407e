import { Controller, Res } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { IdempotencyKey } from '../common/idempotency-key.decorator.js';
import { Input } from '../common/input.decorator.js';
import { sendFile } from '../common/send-file.js';
import { PollExportService } from './poll-export.service.js';
import { VotingService } from './voting.service.js';

@Controller()
export class BallotsController {
  constructor(
    private readonly voting: VotingService,
    private readonly exports: PollExportService,
  ) {}

  @Endpoint(routes.castBallot)
  cast(
    @CurrentUser() auth: AuthContext,
    @Input() { params, body }: RouteInput<typeof routes.castBallot>,
    @IdempotencyKey() retryKey: string | null,
  ) {
    return this.voting.cast(auth, params.id, body, retryKey);
  }

  @Endpoint(routes.enterPaperBallot)
  paper(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.enterPaperBallot>) {
    return this.voting.enterPaper(auth, params.id, body);
  }

  @Endpoint(routes.pollHouseholdVoters)
  voters(@CurrentUser() auth: AuthContext, @Input() { params, query }: RouteInput<typeof routes.pollHouseholdVoters>) {
    return this.voting.householdVoters(auth, params.id, query.householdId);
  }

  @Endpoint(routes.checkReceipt)
  receipt(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.checkReceipt>) {
    return this.voting.checkReceipt(auth, params.id, params.code);
  }

  @Endpoint(routes.pollOpinions)
  opinions(@CurrentUser() auth: AuthContext, @Input() { params, query }: RouteInput<typeof routes.pollOpinions>) {
    return this.exports.opinions(auth, params.id, query);
  }

  /** The reply is the file itself, not JSON. */
  @Endpoint(routes.exportPollResults)
  async export(
    @CurrentUser() auth: AuthContext,
    @Input() { params, query }: RouteInput<typeof routes.exportPollResults>,
    @Res({ passthrough: false }) reply: FastifyReply,
  ) {
    await sendFile(reply, await this.exports.export(auth, params.id, query.format), `poll-${params.id}.${query.format}`);
  }
}
