import { Injectable } from '@nestjs/common';
import type { Signup as SignupDto } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import type { Activity } from './activity.entity.js';
import type { Signup } from './signup.entity.js';
import { SignupsRepository } from './signups.repository.js';
import { SignupsService } from './signups.service.js';

/** Check-in opens this long before the start. */
const OPENS_BEFORE_MS = 3600_000;

export type CheckinRequest = { token: string } | { signupCode: string };

/**
 * A resident scans the activity's token, or staff scan the resident's sign-up code. Participants are marked
 * attended; volunteers are checked in and, on a second scan, out, which credits their hours.
 */
@Injectable()
export class CheckinService {
  constructor(
    private readonly db: Database,
    private readonly signups: SignupsRepository,
    private readonly signupService: SignupsService,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async checkIn(auth: AuthContext, activityId: number, request: CheckinRequest) {
    const activity = await this.signupService.visibleActivity(auth, activityId);
    const signup = await this.signupFor(auth, activity, request);
    // Before the sign-up's status: cancelling the activity ended every sign-up, and that is the reason to give.
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    if (!signup || !['confirmed', 'attended'].includes(signup.status)) throw new AppError('CHECKIN_NOT_SIGNED_UP');
    const now = this.clock.now();
    if (now.getTime() < activity.startsAt.getTime() - OPENS_BEFORE_MS) throw new AppError('CHECKIN_NOT_OPEN');

    if (signup.status === 'confirmed') {
      if (now >= activity.endsAt) throw new AppError('ACTIVITY_ENDED');
      await this.db.transaction(async () => {
        // A second scan racing the first finds the sign-up already attended and answers the same.
        if (!(await this.signups.transition(signup.id, ['confirmed'], { status: 'attended', checkedInAt: now }))) return;
        if ('signupCode' in request) {
          await this.audit.append({
            actorId: auth.userId,
            action: 'signup.staff_checkin',
            communityId: activity.communityId,
            targetType: 'signup',
            targetId: signup.id,
          });
        }
      });
      return this.result(signup.id, 'checked_in');
    }
    if (signup.role === 'participant') return this.result(signup.id, 'checked_in');
    if (signup.checkedOutAt) return this.result(signup.id, 'checked_out');
    return this.checkOut(activity, signup, now);
  }

  /** Hours = check-out − check-in, never more than the activity lasts. Credited once. */
  private async checkOut(activity: Activity, signup: Signup, now: Date) {
    const lengthMinutes = Math.floor((activity.endsAt.getTime() - activity.startsAt.getTime()) / 60_000);
    const minutes = Math.max(0, Math.min(Math.floor((now.getTime() - signup.checkedInAt!.getTime()) / 60_000), lengthMinutes));
    await this.db.transaction(async () => {
      if (!(await this.signups.checkOut(signup.id, now, minutes))) return;
      await this.signups.creditHours({ userId: signup.userId, activityId: activity.id, signupId: signup.id, minutes, createdAt: now });
    });
    return this.result(signup.id, 'checked_out');
  }

  private async signupFor(auth: AuthContext, activity: Activity, request: CheckinRequest): Promise<Signup | null> {
    if ('signupCode' in request) {
      await this.access.assertManagesActivity(auth, activity);
      return this.signups.findByCode(activity.id, request.signupCode);
    }
    if (request.token !== activity.checkinToken) throw new AppError('CHECKIN_TOKEN_INVALID');
    const live = await this.signups.liveOf(activity.id, auth.userId);
    // A volunteer on duty scans to check in and out; otherwise it is the participant's sign-up.
    const onDuty = live.find((s) => s.role === 'volunteer' && (s.status === 'confirmed' || (s.status === 'attended' && !s.checkedOutAt)));
    return onDuty ?? live.find((s) => s.role === 'participant') ?? live[0] ?? null;
  }

  private async result(signupId: number, action: 'checked_in' | 'checked_out'): Promise<{ signup: SignupDto; action: typeof action }> {
    return { signup: await this.signupService.signupDto(signupId), action };
  }
}
