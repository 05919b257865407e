import { Controller, Res } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { IdempotencyKey } from '../common/idempotency-key.decorator.js';
import { Input } from '../common/input.decorator.js';
import { sendFile } from '../common/send-file.js';
import { AttendeesService } from './attendees.service.js';
import { CheckinCodeService } from './checkin-code.service.js';
import { CheckinService } from './checkin.service.js';
import { SignupsService } from './signups.service.js';

@Controller()
export class SignupsController {
  constructor(
    private readonly signups: SignupsService,
    private readonly checkins: CheckinService,
    private readonly attendees: AttendeesService,
    private readonly checkinCodes: CheckinCodeService,
  ) {}

  @Endpoint(routes.signUp)
  signUp(
    @CurrentUser() auth: AuthContext,
    @Input() { params, body }: RouteInput<typeof routes.signUp>,
    @IdempotencyKey() retryKey: string | null,
  ) {
    return this.signups.signUp(auth, params.id, body, retryKey !== null);
  }

  @Endpoint(routes.cancelMySignup)
  cancel(@CurrentUser() auth: AuthContext, @Input() { params, query }: RouteInput<typeof routes.cancelMySignup>) {
    return this.signups.cancelMine(auth, params.id, query.role);
  }

  @Endpoint(routes.acceptOffer)
  accept(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.acceptOffer>) {
    return this.signups.acceptOffer(auth, params.id);
  }

  @Endpoint(routes.mySignups)
  mine(@CurrentUser() auth: AuthContext) {
    return this.signups.mySignups(auth);
  }

  @Endpoint(routes.checkinCode)
  checkinCode(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.checkinCode>) {
    return this.checkinCodes.codeFor(auth, params.id);
  }

  @Endpoint(routes.checkIn)
  checkIn(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.checkIn>) {
    return this.checkins.checkIn(auth, params.id, body);
  }

  @Endpoint(routes.listSignups)
  list(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.listSignups>) {
    return this.attendees.list(auth, params.id);
  }

  /** The reply is the file itself, not JSON. */
  @Endpoint(routes.exportSignups)
  async export(
    @CurrentUser() auth: AuthContext,
    @Input() { params, query }: RouteInput<typeof routes.exportSignups>,
    @Res({ passthrough: false }) reply: FastifyReply,
  ) {
    await sendFile(reply, await this.attendees.export(auth, params.id, query.format), `signups-${params.id}.${query.format}`);
  }
}
