import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthResponse, CreateManagedResident, Handover, ManagedResident, ManagedSignup, Page, Signup as SignupDto } from '@linli/shared';
import { roleLabels } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { SignupsService } from '../activities/signups.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { GrantsCache } from '../auth/grants-cache.js';
import { TokenService } from '../auth/token.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';
import { Database } from '../database/database.js';
import { newInviteCode } from '../adoption/invite-code.js';
import { NotificationService } from '../notifications/notification.service.js';
import { ResidencyRepository } from '../residency/residency.repository.js';
import { MeService } from '../users/me.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { ManagedRepository, type ManagedRow } from './managed.repository.js';

const HANDOVER_DAYS = 7;

function hashCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase()).digest('hex');
}

function toDto(row: ManagedRow): ManagedResident {
  return {
    id: row.id,
    name: row.name,
    household: { id: row.householdId, communityId: row.communityId, communityName: row.communityName, building: row.building, unit: row.unit, room: row.room },
    registeredBy: row.registeredBy ?? '',
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * 代办 (assisted participation, as Decidim's managed users): committee staff (or the street admin) register a
 * resident who has no smartphone, act for them through the residents' own paths, and hand the account over later.
 * Every act is audit-logged with the staff member and lands in the resident's own 消息.
 */
@Injectable()
export class ManagedService {
  constructor(
    private readonly db: Database,
    private readonly repo: ManagedRepository,
    private readonly communities: CommunitiesRepository,
    private readonly residency: ResidencyRepository,
    private readonly signups: SignupsService,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationService,
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly grants: GrantsCache,
    private readonly me: MeService,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, input: CreateManagedResident): Promise<ManagedResident> {
    const household = await this.communities.findHousehold(input.householdId);
    if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND');
    await this.access.assertResidentAdmin(auth, household.communityId);
    const now = this.clock.now();
    const id = await this.db.transaction(async () => {
      // No WeChat identity: a placeholder no WeChat or dev login can produce (they allow no ':').
      const userId = await this.repo.insertUser(`managed:${randomBytes(12).toString('hex')}`, input.name, auth.userId, now);
      await this.residency.addResidency({ userId, householdId: household.id, communityId: household.communityId, source: 'managed' });
      await this.audit.append({
        actorId: auth.userId,
        action: 'managed_resident.create',
        communityId: household.communityId,
        targetType: 'user',
        targetId: userId,
        detail: { householdId: household.id },
      });
      await this.notifications.notify(userId, 'assisted', { title: '工作人员为您登记了账号', body: await this.byLine(auth, `为您登记了邻里共治账号（${household.building}${household.unit}${household.room}）。`), activityId: null });
      return userId;
    });
    return this.get(auth, id);
  }

  async list(auth: AuthContext, query: { communityId?: number; page: number; pageSize: number }): Promise<Page<ManagedResident>> {
    const mine = await this.access.residentAdminCommunities(auth);
    if (mine.size === 0) throw new AppError('OUT_OF_SCOPE');
    if (query.communityId !== undefined && !mine.has(query.communityId)) throw new AppError('OUT_OF_SCOPE');
    const communityIds = query.communityId !== undefined ? [query.communityId] : [...mine];
    const [rows, total] = await this.repo.page(communityIds, {}, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
    return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The resident's own sign-up, through SignupsService.signUp as if they had tapped 报名 (audience, window, seats,
   * waitlist: the same conditional updates and unique key), whose transaction also takes the audit row and the
   * notice that names the staff member.
   */
  async signUp(auth: AuthContext, id: number, input: ManagedSignup): Promise<SignupDto> {
    const managed = await this.get(auth, id);
    const { activityId, ...signup } = input;
    const byLine = await this.byLine(auth, '为您代报名了一个活动。');
    return this.signups.signUp({ userId: managed.id, grants: [] }, activityId, signup, false, async (signupId) => {
      await this.audit.append({
        actorId: auth.userId,
        action: 'managed_resident.signup',
        communityId: managed.household.communityId,
        targetType: 'signup',
        targetId: signupId,
        detail: { residentId: managed.id, activityId },
      });
      await this.notifications.notify(managed.id, 'assisted', { title: '工作人员为您代报名', body: byLine, activityId });
    });
  }

  /** A one-time code for the resident or family; only its hash is kept, so it is shown this once. */
  async handover(auth: AuthContext, id: number): Promise<Handover> {
    const managed = await this.get(auth, id);
    const now = this.clock.now();
    const code = `${newInviteCode()}${newInviteCode()}`;
    const expiresAt = new Date(now.getTime() + HANDOVER_DAYS * 24 * 3600_000);
    await this.db.transaction(async () => {
      await this.repo.insertHandover({ userId: managed.id, codeHash: hashCode(code), createdById: auth.userId, createdAt: now, expiresAt });
      await this.audit.append({ actorId: auth.userId, action: 'managed_resident.handover', communityId: managed.household.communityId, targetType: 'user', targetId: managed.id });
    });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The caller's WeChat login moves onto the managed account, which becomes theirs with all its history (sign-ups,
   * home, 消息); the caller's own, empty account is closed. One transaction: the code's conditional update (so of
   * racing accepts exactly one wins), the old account retired, the login moved, the audit row.
   */
  async accept(auth: AuthContext, code: string): Promise<AuthResponse> {
    const handover = await this.repo.findHandover(hashCode(code));
    if (!handover) throw new AppError('HANDOVER_NOT_FOUND');
    const caller = await this.users.findById(auth.userId);
    if (!caller || caller.managedById !== null) throw new AppError('HANDOVER_ACCOUNT_IN_USE');
    const now = this.clock.now();
    await this.db.transaction(async () => {
      if (await this.repo.accountInUse(caller.id)) throw new AppError('HANDOVER_ACCOUNT_IN_USE');
      if (!(await this.repo.useHandover(handover.id, now))) throw new AppError(handover.usedAt || handover.expiresAt > now ? 'HANDOVER_USED' : 'HANDOVER_EXPIRED');
      await this.repo.retireAccount(caller.id, now);
      if (!(await this.repo.takeOver(handover.userId, { openid: caller.openid, unionid: caller.unionid }))) throw new AppError('MANAGED_RESIDENT_NOT_FOUND');
      const homes = await this.residency.residenciesOf(handover.userId);
      await this.audit.append({
        actorId: handover.userId,
        action: 'managed_resident.take_over',
        communityId: homes[0]?.communityId ?? null,
        targetType: 'user',
        targetId: handover.userId,
        detail: { formerAccountId: caller.id },
      });
    });
    this.grants.forget(caller.id);
    await this.grants.reload(handover.userId);
    return { ...this.tokens.issue(handover.userId), me: await this.me.me(handover.userId) };
  }

  /** A managed resident in the caller's communities, or 404 (others' residents do not exist for them). */
  private async get(auth: AuthContext, id: number): Promise<ManagedResident> {
    const [rows] = await this.repo.page([...(await this.access.residentAdminCommunities(auth))], { id }, { offset: 0, limit: 1 });
    if (!rows.length) throw new AppError('MANAGED_RESIDENT_NOT_FOUND');
    return toDto(rows[0]);
  }

  /** 居委会工作人员 赵主任 …: who acted, in the resident's own history. */
  private async byLine(auth: AuthContext, what: string): Promise<string> {
    const staff = await this.users.findById(auth.userId);
    const role = auth.grants.find((g) => g.role === 'committee_staff' || g.role === 'street_admin')?.role;
    return `${role ? roleLabels[role] : '工作人员'} ${staff?.nickname ?? ''} ${what}`;
  }
}
