import { Injectable } from '@nestjs/common';
import type {
  Community as CommunityDto,
  CreateCommunity,
  CreateHousehold,
  Household as HouseholdDto,
  HouseholdImportRequest,
  HouseholdImportResult,
  UpdateCommunity,
} from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import { previewOrCommit } from '../common/dry-run.js';
import { Clock } from '../clock/clock.js';
import { toCommunityDto, toHouseholdDto } from '../communities/communities.service.js';
import { Database, isUniqueViolation } from '../database/database.js';
import { CommunityAdminRepository } from './community-admin.repository.js';
import { decodeCsvBytes, parseHouseholdCsv } from './household-csv.js';

/** Dedupes a file's households (a repeated line is one household), keeping the first line that names each. */
function distinct<T extends { building: string; unit: string; room: string }>(rows: T[]): T[] {
  const seen = new Map<string, T>();
  for (const r of rows) {
    const k = `${r.building}\u0000${r.unit}\u0000${r.room}`;
    if (!seen.has(k)) seen.set(k, r);
  }
  return [...seen.values()];
}

/** Street admins create, rename and archive communities; their committee (or the street) registers households. */
@Injectable()
export class CommunityAdminService {
  constructor(
    private readonly db: Database,
    private readonly repo: CommunityAdminRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async create(auth: AuthContext, input: CreateCommunity): Promise<CommunityDto> {
    const streetId = this.access.streetToManage(auth, input.streetId);
    const id = await this.db.transaction(async () => {
      const created = await this.nameTaken(() => this.repo.insertCommunity({ streetId, name: input.name, address: input.address }));
      await this.audit.append({
        actorId: auth.userId,
        action: 'community.create',
        communityId: created,
        targetType: 'community',
        targetId: created,
        detail: { name: input.name, streetId },
      });
      return created;
    });
    return this.dto(id);
  }

  async update(auth: AuthContext, id: number, input: UpdateCommunity): Promise<CommunityDto> {
    const community = await this.repo.findWithStreet(id);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    this.access.assertStreetAdmin(auth, community.streetId);
    const archivedAt =
      input.archived === undefined ? undefined : input.archived ? (community.archivedAt ?? this.clock.now()) : null;
    const patch = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.address !== undefined && { address: input.address }),
      ...(archivedAt !== undefined && { archivedAt }),
    };
    await this.db.transaction(async () => {
      await this.nameTaken(() => this.repo.updateCommunity(id, patch));
      const action = input.archived === true ? 'community.archive' : input.archived === false ? 'community.restore' : 'community.update';
      await this.audit.append({
        actorId: auth.userId,
        action,
        communityId: id,
        targetType: 'community',
        targetId: id,
        detail: { before: { name: community.name, address: community.address }, changes: input },
      });
    });
    return this.dto(id);
  }

  async addHousehold(auth: AuthContext, communityId: number, input: CreateHousehold): Promise<HouseholdDto> {
    await this.householdsEditable(auth, communityId);
    return this.db.transaction(async () => {
      let household;
      try {
        household = await this.repo.insertHousehold({ communityId, ...input });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('HOUSEHOLD_EXISTS');
        throw error;
      }
      await this.audit.append({
        actorId: auth.userId,
        action: 'household.create',
        communityId,
        targetType: 'household',
        targetId: household.id,
        detail: input,
      });
      return toHouseholdDto(household);
    });
  }

  async importHouseholds(
    auth: AuthContext,
    communityId: number,
    dryRun: boolean,
    input: HouseholdImportRequest,
  ): Promise<HouseholdImportResult> {
    await this.householdsEditable(auth, communityId);
    const rows = distinct(parseHouseholdCsv(input.csv ?? decodeCsvBytes(input.csvBase64!)));
    return previewOrCommit(this.db, dryRun, async () => {
      const { created, newRows } = await this.repo.importHouseholds(communityId, rows);
      const result = {
        dryRun,
        rows: rows.length,
        created,
        unchanged: rows.length - created,
        newHouseholds: newRows.slice(0, 200),
      };
      await this.audit.append({
        actorId: auth.userId,
        action: 'household.import',
        communityId,
        targetType: 'community',
        targetId: communityId,
        detail: { rows: result.rows, created, unchanged: result.unchanged },
      });
      return result;
    });
  }

  /** Households are registered by the community's committee or its street admin, and not in an archived community. */
  private async householdsEditable(auth: AuthContext, communityId: number): Promise<void> {
    const community = await this.repo.findWithStreet(communityId);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    await this.access.assertResidentAdmin(auth, communityId);
    if (community.archivedAt) throw new AppError('COMMUNITY_ARCHIVED');
  }

  private async nameTaken<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('COMMUNITY_NAME_TAKEN');
      throw error;
    }
  }

  private async dto(id: number): Promise<CommunityDto> {
    const [community, count] = await Promise.all([this.repo.findWithStreet(id), this.repo.householdCount(id)]);
    return toCommunityDto(community!, count);
  }
}
