import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isStaffGrant, type DeskLoginState, type DeskLoginStatus, type DeskLoginTicket } from '@linli/shared';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { TokenService } from '../auth/token.service.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Database } from '../database/database.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';
import { MeService } from '../users/me.service.js';
import { WECHAT_CLIENT } from '../wechat/wechat-client.provider.js';
import { miniProgramCode, type WechatClient } from '../wechat/index.js';
import type { DeskLogin } from './desk-login.entity.js';
import { deskLabel } from './desk-label.js';
import { DESK_CONFIRM_PAGE, deskScene, hashDeskSecret, newDeskSecret } from './desk-secret.js';
import { DeskRepository } from './desk.repository.js';

/** A ticket is shown for two minutes; the desk then asks for a fresh one (刷新二维码). */
const TICKET_MS = 2 * 60 * 1000;

/** Logging a desk in by a staff phone: the desk shows a ticket, the phone confirms it, the desk collects its session. */
@Injectable()
export class DeskLoginService {
  private readonly logger = new Logger('DeskLogin');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient | null,
    private readonly db: Database,
    private readonly desk: DeskRepository,
    private readonly audit: AuditRepository,
    private readonly tokens: TokenService,
    private readonly me: MeService,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  async create(userAgent: string | undefined, ip: string): Promise<DeskLoginTicket> {
    // A public write: counted with logins per address.
    await this.limiter.take('login', { ip });
    const ticket = newDeskSecret();
    const key = newDeskSecret();
    const label = deskLabel(userAgent);
    const createdAt = this.clock.now();
    const expiresAt = new Date(createdAt.getTime() + TICKET_MS);
    await this.desk.insertLogin({ ticketHash: hashDeskSecret(ticket), keyHash: hashDeskSecret(key), label, createdAt, expiresAt });
    const scene = deskScene(ticket);
    // Our own address from configuration, never from the request; the H5 app routes by hash, and `scene` is what
    // the app carries through a login on the way (as from a scanned mini-program code).
    const link = `${this.config.publicUrl}/#/${DESK_CONFIRM_PAGE}?scene=${encodeURIComponent(scene)}`;
    return { ticket, key, expiresAt: expiresAt.toISOString(), link, page: DESK_CONFIRM_PAGE, scene, image: (await miniProgramCode(this.wechat, { scene, page: DESK_CONFIRM_PAGE, what: 'a desk login', logger: this.logger })).image, label };
  }

  async state(ticket: string, key: string | undefined): Promise<DeskLoginState> {
    const login = await this.find(ticket);
    const status = this.statusOf(login);
    const base = { label: login.label, createdAt: login.createdAt.toISOString(), expiresAt: login.expiresAt.toISOString() };
    if (status !== 'confirmed' || !key || !sameHash(hashDeskSecret(key), login.keyHash)) return { status, ...base, session: null };
    // Only the desk that asked (it alone holds the key) gets the session, and only once.
    if (!(await this.desk.collectLogin(login.id, this.clock.now()))) return { status: 'used', ...base, session: null };
    const session = (await this.desk.findSession(login.sessionId!))!;
    const issued = this.tokens.issueDesk(session.userId, session.id, session.expiresAt);
    return { status: 'confirmed', ...base, session: { ...issued, me: await this.me.me(session.userId) } };
  }

  async confirm(auth: AuthContext, ticket: string): Promise<void> {
    const login = await this.find(ticket);
    const staff = auth.grants.filter(isStaffGrant);
    if (staff.length === 0) throw new AppError('DESK_LOGIN_NOT_STAFF');
    const now = this.clock.now();
    const hours = this.config.deskSessionHours;
    const scope = staff.find((g) => g.communityId !== null) ?? staff.find((g) => g.streetId !== null) ?? staff[0];
    await this.db.transaction(async () => {
      if (!(await this.desk.confirmLogin(login.id, auth.userId, now))) {
        throw new AppError(login.confirmedAt || login.expiresAt > now ? 'DESK_LOGIN_USED' : 'DESK_LOGIN_EXPIRED');
      }
      const sessionId = await this.desk.insertSession({
        userId: auth.userId,
        label: login.label,
        createdAt: now,
        expiresAt: new Date(now.getTime() + hours * 3600 * 1000),
      });
      await this.desk.attachSession(login.id, sessionId);
      await this.audit.append({
        actorId: auth.userId,
        action: 'desk_session.confirm',
        communityId: scope.communityId,
        ...(scope.communityId === null && { streetId: scope.streetId }),
        targetType: 'desk_session',
        targetId: sessionId,
        detail: { label: login.label, hours },
      });
    });
  }

  private async find(ticket: string): Promise<DeskLogin> {
    const login = await this.desk.findLogin(hashDeskSecret(ticket));
    if (!login) throw new AppError('DESK_LOGIN_NOT_FOUND');
    return login;
  }

  private statusOf(login: DeskLogin): DeskLoginStatus {
    if (login.collectedAt) return 'used';
    if (login.confirmedAt) return 'confirmed';
    return login.expiresAt <= this.clock.now() ? 'expired' : 'pending';
  }
}

function sameHash(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}
