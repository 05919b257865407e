import { Injectable } from '@nestjs/common';
import type { DeskSessionList } from '@linli/shared';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { DeskSessionCheck } from './desk-session-check.js';
import { DeskRepository } from './desk.repository.js';

/** 我的 → 已登录的电脑: my desk sessions, and signing one out. */
@Injectable()
export class DeskSessionsService {
  constructor(
    private readonly db: Database,
    private readonly desk: DeskRepository,
    private readonly audit: AuditRepository,
    private readonly check: DeskSessionCheck,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthContext & { sessionId?: number | null }): Promise<DeskSessionList> {
    const sessions = await this.desk.liveSessions(auth.userId, this.clock.now());
    return {
      items: sessions.map((s) => ({
        id: s.id,
        label: s.label,
        createdAt: s.createdAt.toISOString(),
        lastUsedAt: s.lastUsedAt?.toISOString() ?? null,
        expiresAt: s.expiresAt.toISOString(),
        current: s.id === auth.sessionId,
      })),
    };
  }

  async revoke(auth: AuthContext, id: number): Promise<void> {
    const session = await this.desk.findSession(id);
    const community = auth.grants.find((g) => g.communityId !== null);
    await this.db.transaction(async () => {
      if (!session || !(await this.desk.revokeSession(id, auth.userId, this.clock.now()))) throw new AppError('DESK_SESSION_NOT_FOUND');
      await this.audit.append({
        actorId: auth.userId,
        action: 'desk_session.revoke',
        communityId: community?.communityId ?? null,
        ...(!community && { streetId: auth.grants.find((g) => g.streetId !== null)?.streetId ?? null }),
        targetType: 'desk_session',
        targetId: id,
        detail: { label: session.label },
      });
    });
    // After the commit: the next request with this desk's token reads the row again and is refused.
    this.check.forget(id);
  }
}
