import { Injectable } from '@nestjs/common';
import type {
  CensusImportResult,
  CreateResidencyClaim,
  Page,
  ResidencyClaim as ResidencyClaimDto,
  ResidencyClaimQuery,
} from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import { previewOrCommit } from '../common/dry-run.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';
import { ContentCheckService } from '../content-check/content-check.service.js';
import { Database, isUniqueViolation } from '../database/database.js';
import { NotificationService } from '../notifications/notification.service.js';
import { parseCensusCsv } from './census-csv.js';
import { CensusRepository } from './census.repository.js';
import { toClaimDto } from './residency.mapper.js';
import { MAX_PENDING_CLAIMS } from './residency-claim.entity.js';
import { ResidencyRepository } from './residency.repository.js';
import { ResidentCommunities } from './resident-communities.js';

@Injectable()
export class ResidencyService {
  constructor(
    private readonly db: Database,
    private readonly residency: ResidencyRepository,
    private readonly census: CensusRepository,
    private readonly communities: CommunitiesRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationService,
    private readonly residentCommunities: ResidentCommunities,
    private readonly contentCheck: ContentCheckService,
  ) {}

  /** A resident claims a household. Listed in the census under the same name → approved at once. */
  async claim(auth: AuthContext, input: CreateResidencyClaim): Promise<ResidencyClaimDto> {
    const household = await this.communities.findHousehold(input.householdId);
    if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND');
    if (await this.residency.isResident(auth.userId, household.id)) throw new AppError('ALREADY_RESIDENT');
    // Risky names are refused. One to review needs nothing more: committee staff read every real name they decide
    // on, and a name the census lists is the census's own.
    await this.contentCheck.screen(auth.userId, [{ path: 'body.realName', text: input.realName, scene: 'profile' }]);
    const claimId = await this.db.transaction(async () => {
      const id = await this.insertPending({
        userId: auth.userId,
        householdId: household.id,
        communityId: household.communityId,
        realName: input.realName,
      });
      if (await this.census.isListed(household.id, input.realName)) {
        await this.approveWithin(id, { userId: auth.userId, householdId: household.id, communityId: household.communityId }, 'census', null);
      }
      return id;
    });
    return toClaimDto((await this.residency.findClaim(claimId))!);
  }

  /** Takes the first free pending slot; a slot taken by a racing claim moves on to the next, none left refuses. */
  private async insertPending(claim: { userId: number; householdId: number; communityId: number; realName: string }): Promise<number> {
    for (let pendingSlot = 1; pendingSlot <= MAX_PENDING_CLAIMS; pendingSlot++) {
      try {
        return await this.residency.insertClaim({ ...claim, pendingSlot });
      } catch (error) {
        if (this.residency.isPendingSlotTaken(error)) continue;
        if (isUniqueViolation(error)) throw new AppError('CLAIM_DUPLICATE');
        throw error;
      }
    }
    throw new AppError('CLAIMS_PENDING_TOO_MANY', {
      message: `您已有 ${MAX_PENDING_CLAIMS} 条住户认证申请在等待审核，请等居委会处理后再申请新的`,
    });
  }

  async list(auth: AuthContext, query: ResidencyClaimQuery): Promise<Page<ResidencyClaimDto>> {
    const scope = await this.access.residentAdminCommunities(auth);
    if (query.communityId !== undefined && !scope.has(query.communityId)) throw new AppError('OUT_OF_SCOPE');
    const communityIds = query.communityId !== undefined ? [query.communityId] : [...scope];
    if (communityIds.length === 0) throw new AppError('OUT_OF_SCOPE');
    const [claims, total] = await this.residency.pageOfClaims({ ...query, communityIds });
    return { items: claims.map(toClaimDto), total, page: query.page, pageSize: query.pageSize };
  }

  async approve(auth: AuthContext, claimId: number): Promise<ResidencyClaimDto> {
    const claim = await this.claimInScope(auth, claimId);
    await this.db.transaction(async () => {
      await this.approveWithin(claim.id, claim, 'claim', auth.userId);
      await this.audit.append({
        actorId: auth.userId,
        action: 'residency.approve',
        communityId: claim.communityId,
        targetType: 'residency_claim',
        targetId: claim.id,
      });
    });
    return toClaimDto((await this.residency.findClaim(claimId))!);
  }

  async reject(auth: AuthContext, claimId: number, reason: string): Promise<ResidencyClaimDto> {
    const claim = await this.claimInScope(auth, claimId);
    await this.db.transaction(async () => {
      const decided = await this.residency.decide(claim.id, {
        status: 'rejected',
        reason,
        decidedBy: 'claim',
        deciderId: auth.userId,
      });
      if (!decided) throw new AppError('CLAIM_ALREADY_DECIDED');
      await this.notifications.notify(claim.userId, 'residency_decided', {
        title: '住户认证未通过',
        body: `您的住户认证没有通过，原因：${reason}。您可以修改后重新申请。`,
        activityId: null,
      });
      await this.audit.append({
        actorId: auth.userId,
        action: 'residency.reject',
        communityId: claim.communityId,
        targetType: 'residency_claim',
        targetId: claim.id,
        detail: { reason },
      });
    });
    return toClaimDto((await this.residency.findClaim(claimId))!);
  }

  /** A dry run imports for real in a transaction it then rolls back: the preview is exactly what a commit would do. */
  async importCensus(auth: AuthContext, communityId: number, csv: string, dryRun = false): Promise<CensusImportResult> {
    if (!(await this.communities.findById(communityId))) throw new AppError('COMMUNITY_NOT_FOUND');
    await this.access.assertResidentAdmin(auth, communityId);
    const rows = parseCensusCsv(csv);
    return previewOrCommit(this.db, dryRun, async () => {
      const imported = await this.census.importRows(communityId, rows);
      const matches = await this.residency.pendingClaimsMatchingCensus(communityId);
      for (const match of matches) await this.approveWithin(match.id, { ...match, communityId }, 'census', auth.userId);
      const result = { dryRun, ...imported, claimsApproved: matches.length };
      await this.audit.append({
        actorId: auth.userId,
        action: 'residency.census_import',
        communityId,
        targetType: 'community',
        targetId: communityId,
        detail: { rows: rows.length, ...result },
      });
      return result;
    });
  }

  private async claimInScope(auth: AuthContext, claimId: number) {
    const claim = await this.residency.findClaim(claimId);
    if (!claim) throw new AppError('CLAIM_NOT_FOUND');
    await this.access.assertResidentAdmin(auth, claim.communityId);
    return claim;
  }

  /** Inside a transaction: pending → approved (only once), then the residency row. */
  private async approveWithin(
    claimId: number,
    claim: { userId: number; householdId: number; communityId: number },
    decidedBy: 'claim' | 'census',
    deciderId: number | null,
  ): Promise<void> {
    const decided = await this.residency.decide(claimId, { status: 'approved', reason: null, decidedBy, deciderId });
    if (!decided) throw new AppError('CLAIM_ALREADY_DECIDED');
    await this.residency.addResidency({ ...claim, source: decidedBy });
    this.residentCommunities.changed(claim.userId);
    await this.notifications.notify(claim.userId, 'residency_decided', {
      title: '住户认证已通过',
      body: '您已成为认证居民，可以报名只面向本社区居民的活动了。',
      activityId: null,
    });
  }
}
