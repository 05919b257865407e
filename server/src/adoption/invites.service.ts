import { Inject, Injectable, Logger } from '@nestjs/common';
import { ROLE_SCOPE, type CreatedInvite, type CreateInvite, type Grant, type InvitableRole, type InviteView } from '@linli/shared';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { GrantsCache } from '../auth/grants-cache.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database, isUniqueViolation } from '../database/database.js';
import { UsersRepository } from '../users/users.repository.js';
import { WECHAT_CLIENT } from '../wechat/wechat-client.provider.js';
import { miniProgramCode, type WechatClient } from '../wechat/index.js';
import { AdoptionRepository, type ScopeTarget } from './adoption.repository.js';
import { toGrantDto } from './grant.mapper.js';
import { mayGrant } from './grant-rules.js';
import { INVITE_PAGE, inviteScene, newInviteCode } from './invite-code.js';
import type { Invite } from './invite.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Staff join by invites: one role in one scope, used once, expiring. */
@Injectable()
export class InvitesService {
  private readonly logger = new Logger('Invites');

  constructor(
    private readonly db: Database,
    private readonly adoption: AdoptionRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly grantsCache: GrantsCache,
    private readonly clock: Clock,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient | null,
  ) {}

  async create(auth: AuthContext, input: CreateInvite): Promise<CreatedInvite> {
    const target = await this.grantableTarget(auth.grants, input.role, input.scopeId);
    const invite = await this.issue(target, input.role, auth.userId, input.expiresInDays);
    const inviter = await this.users.findById(auth.userId);
    return (await this.withCode(invite, target, inviter?.nickname ?? null)).dto;
  }

  /**
   * Writes a new invite and its audit row. Inviter null: the setup command. The code itself is never logged:
   * whoever reads the audit log could otherwise use an open invite.
   */
  async issue(target: ScopeTarget, role: InvitableRole, inviterId: number | null, days: number): Promise<Invite> {
    const now = this.clock.now();
    for (let attempt = 1; ; attempt++) {
      const invite: Omit<Invite, 'id'> = {
        code: newInviteCode(),
        role,
        streetId: target.streetId,
        communityId: target.kind === 'community' ? target.id : null,
        organisationId: target.kind === 'organisation' ? target.id : null,
        inviterId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + days * DAY_MS),
        acceptedAt: null,
        acceptedBy: null,
      };
      try {
        const id = await this.db.transaction(async () => {
          const inserted = await this.adoption.insertInvite(invite);
          await this.audit.append({
            actorId: inviterId,
            action: inviterId === null ? 'invite.bootstrap' : 'invite.create',
            streetId: target.streetId,
            communityId: invite.communityId,
            targetType: 'invite',
            targetId: inserted,
            detail: { role, scope: `${target.kind}:${target.id}`, expiresAt: invite.expiresAt.toISOString() },
          });
          return inserted;
        });
        return { ...invite, id };
      } catch (error) {
        // A code already in use (one in a billion per draw): draw again.
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  async show(code: string): Promise<InviteView> {
    const invite = await this.openInvite(code);
    const target = (await this.adoption.scopeTarget(scopeKind(invite.role), scopeIdOf(invite)))!;
    return view(invite, target, invite.inviterName);
  }

  async accept(auth: AuthContext, code: string): Promise<Grant> {
    const invite = await this.openInvite(code);
    const target = await this.adoption.scopeTarget(scopeKind(invite.role), scopeIdOf(invite));
    if (!target) throw new AppError('INVITE_SCOPE_NOT_FOUND');
    // The inviter may have lost the right to grant it since (revoked, or the organisation stopped serving).
    if (invite.inviterId !== null && !mayGrant((await this.users.grantScopes(invite.inviterId)) ?? [], invite.role, target)) {
      throw new AppError('ROLE_NOT_GRANTABLE');
    }
    const now = this.clock.now();
    const grantId = await this.db.transaction(async () => {
      if (!(await this.adoption.takeInvite(invite.id, auth.userId, now))) {
        throw new AppError(invite.expiresAt <= now ? 'INVITE_EXPIRED' : 'INVITE_USED');
      }
      const id = await this.adoption.grant(auth.userId, invite.role, invite);
      await this.audit.append({
        actorId: auth.userId,
        action: 'grant.accept_invite',
        streetId: invite.streetId,
        communityId: invite.communityId,
        targetType: 'role_grant',
        targetId: id,
        detail: { inviteId: invite.id, role: invite.role, inviterId: invite.inviterId },
      });
      return id;
    });
    this.grantsCache.forget(auth.userId);
    return toGrantDto((await this.adoption.findGrant(grantId))!);
  }

  /** The scope an invite or revocation is about, if the caller may grant this role there. */
  async grantableTarget(grants: AuthContext['grants'], role: InvitableRole, scopeId: number): Promise<ScopeTarget> {
    const target = await this.adoption.scopeTarget(scopeKind(role), scopeId);
    if (!target) throw new AppError('INVITE_SCOPE_NOT_FOUND');
    if (role === 'team_leader' && target.organisationType !== 'volunteer_team') throw new AppError('TEAM_LEADER_NEEDS_TEAM');
    if (!mayGrant(grants, role, target)) throw new AppError('ROLE_NOT_GRANTABLE');
    return target;
  }

  /** The invite with its code, page and (WeChat configured) mini-program code for the inviter to show. */
  async withCode(invite: Invite, target: ScopeTarget, inviterName: string | null): Promise<{ dto: CreatedInvite; png: Buffer | null }> {
    const scene = inviteScene(invite.code);
    const { image, bytes: png } = await miniProgramCode(this.wechat, { scene, page: INVITE_PAGE, what: 'an invite', logger: this.logger });
    return { dto: { ...view(invite, target, inviterName), page: INVITE_PAGE, scene, image }, png };
  }

  private async openInvite(code: string) {
    const invite = await this.adoption.findInvite(code);
    if (!invite) throw new AppError('INVITE_NOT_FOUND');
    if (invite.acceptedAt) throw new AppError('INVITE_USED');
    if (invite.expiresAt <= this.clock.now()) throw new AppError('INVITE_EXPIRED');
    return invite;
  }
}

export function scopeKind(role: InvitableRole): 'street' | 'community' | 'organisation' {
  return ROLE_SCOPE[role] as 'street' | 'community' | 'organisation';
}

function scopeIdOf(invite: Pick<Invite, 'streetId' | 'communityId' | 'organisationId'>): number {
  return invite.organisationId ?? invite.communityId ?? invite.streetId;
}

function view(invite: Invite, target: ScopeTarget, inviterName: string | null): InviteView {
  return {
    code: invite.code,
    role: invite.role,
    scope: { kind: target.kind, id: target.id, name: target.name, streetName: target.streetName },
    inviterName,
    expiresAt: invite.expiresAt.toISOString(),
  };
}
