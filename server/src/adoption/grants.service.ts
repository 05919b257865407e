import { Injectable } from '@nestjs/common';
import { ROLE_SCOPE, type Grant, type GrantQuery, type InvitableRole, type Page } from '@linli/shared';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { GrantsCache } from '../auth/grants-cache.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { AdoptionRepository, type GrantVisibility } from './adoption.repository.js';
import { toGrantDto } from './grant.mapper.js';
import { InvitesService } from './invites.service.js';

/** Who holds which role, and taking a role back. */
@Injectable()
export class GrantsService {
  constructor(
    private readonly db: Database,
    private readonly adoption: AdoptionRepository,
    private readonly invites: InvitesService,
    private readonly audit: AuditRepository,
    private readonly grantsCache: GrantsCache,
  ) {}

  async list(auth: AuthContext, query: GrantQuery): Promise<Page<Grant>> {
    const visible = await this.visibility(auth);
    if (visible.streetIds.length + visible.communityIds.length + visible.organisationIds.length === 0) throw new AppError('OUT_OF_SCOPE');
    const [rows, total] = await this.adoption.grantPage(visible, { role: query.role }, {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items: rows.map(toGrantDto), total, page: query.page, pageSize: query.pageSize };
  }

  /** Revokes a grant the caller could have handed out; never the last street admin of a street. */
  async revoke(auth: AuthContext, id: number): Promise<void> {
    const grant = await this.adoption.findGrant(id);
    if (!grant || ROLE_SCOPE[grant.role] === 'none') throw new AppError('GRANT_NOT_FOUND');
    const role = grant.role as InvitableRole;
    const target = await this.invites.grantableTarget(auth.grants, role, grant.streetId ?? grant.communityId ?? grant.organisationId!);
    await this.db.transaction(async () => {
      await this.adoption.lockStreet(target.streetId);
      if (role === 'street_admin' && (await this.adoption.streetAdminCount(target.streetId)) <= 1) throw new AppError('LAST_STREET_ADMIN');
      if (!(await this.adoption.deleteGrant(id))) throw new AppError('GRANT_NOT_FOUND');
      await this.audit.append({
        actorId: auth.userId,
        action: 'grant.revoke',
        streetId: target.streetId,
        communityId: target.kind === 'community' ? target.id : null,
        targetType: 'role_grant',
        targetId: id,
        detail: { userId: grant.userId, role, scope: `${target.kind}:${target.id}` },
      });
    });
    this.grantsCache.forget(grant.userId);
  }

  /** Street admins see their streets; committee staff their community and the organisations serving it; leaders their team. */
  private async visibility(auth: AuthContext): Promise<GrantVisibility> {
    const streetIds: number[] = [];
    const communityIds: number[] = [];
    const organisationIds: number[] = [];
    for (const g of auth.grants) {
      if (g.role === 'street_admin' && g.streetId !== null) streetIds.push(g.streetId);
      if (g.role === 'committee_staff' && g.communityId !== null) communityIds.push(g.communityId);
      if (g.role === 'team_leader' && g.organisationId !== null) organisationIds.push(g.organisationId);
    }
    organisationIds.push(...(await this.adoption.organisationsServing(communityIds)));
    return { streetIds, communityIds, organisationIds };
  }
}
