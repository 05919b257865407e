import { Injectable } from '@nestjs/common';
import type { ClaimStatus, ResidencySource } from '@linli/shared';
import { In } from 'typeorm';
import { Database, isUniqueViolation } from '../database/database.js';
import { dateParam } from '../polls/raw-sql.js';
import { StatsMonthWriter } from '../stats/stats-month-writer.js';
import { PENDING_SLOT_INDEX, ResidencyClaim } from './residency-claim.entity.js';
import { Residency } from './residency.entity.js';

const claimRelations = { user: true, household: { community: true } } as const;

@Injectable()
export class ResidencyRepository {
  private readonly summary: StatsMonthWriter;

  constructor(private readonly db: Database) {
    this.summary = new StatsMonthWriter(db);
  }

  /**
   * Inserts a pending claim in the given slot; the unique key on (user, household, active) rejects a second live
   * claim, the one on (user, pendingSlot) a slot already taken (see isPendingSlotTaken).
   */
  insertClaim(claim: { userId: number; householdId: number; communityId: number; realName: string; pendingSlot: number }): Promise<number> {
    return this.db.run(async (em) => {
      const result = await em.insert(ResidencyClaim, {
        ...claim,
        status: 'pending',
        active: 1,
        reason: null,
        decidedBy: null,
        deciderId: null,
        createdAt: new Date(),
        decidedAt: null,
      });
      return result.identifiers[0].id as number;
    });
  }

  /** MySQL names the index in its message, SQLite the columns. */
  isPendingSlotTaken(error: unknown): boolean {
    const message = String((error as { message?: unknown })?.message ?? '');
    return isUniqueViolation(error) && (message.includes(PENDING_SLOT_INDEX) || message.includes('.pendingSlot'));
  }

  findClaim(id: number): Promise<ResidencyClaim | null> {
    return this.db.run((em) => em.findOne(ResidencyClaim, { where: { id }, relations: claimRelations }));
  }

  claimsOfUser(userId: number): Promise<ResidencyClaim[]> {
    return this.db.run((em) =>
      em.find(ResidencyClaim, { where: { userId }, relations: claimRelations, order: { id: 'DESC' } }),
    );
  }

  pageOfClaims(filter: { communityIds: number[]; status?: ClaimStatus; page: number; pageSize: number }) {
    return this.db.run((em) =>
      em.findAndCount(ResidencyClaim, {
        where: { communityId: In(filter.communityIds), ...(filter.status && { status: filter.status }) },
        relations: claimRelations,
        // The review queue is served oldest first; decided claims newest first.
        order: { id: filter.status === 'pending' ? 'ASC' : 'DESC' },
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
      }),
    );
  }

  /** Decides a claim only if it is still pending: returns false when someone else decided it first. */
  decide(
    id: number,
    decision: { status: Exclude<ClaimStatus, 'pending'>; reason: string | null; decidedBy: ResidencySource; deciderId: number | null },
  ): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(ResidencyClaim)
        .set({ ...decision, active: decision.status === 'approved' ? 1 : null, pendingSlot: null, decidedAt: new Date() })
        .where('id = :id AND status = :pending', { id, pending: 'pending' })
        .execute();
      return result.affected === 1;
    });
  }

  /** Pending claims in a community whose (household, real name) matches the census. */
  pendingClaimsMatchingCensus(communityId: number): Promise<{ id: number; userId: number; householdId: number }[]> {
    return this.db.run((em) =>
      em
        .createQueryBuilder(ResidencyClaim, 'c')
        .innerJoin('census_resident', 'r', 'r.householdId = c.householdId AND r.name = c.realName')
        .select(['c.id AS id', 'c.userId AS userId', 'c.householdId AS householdId'])
        .where('c.communityId = :communityId AND c.status = :pending', { communityId, pending: 'pending' })
        .getRawMany(),
    );
  }

  /**
   * Records a verified residency, counted in the dashboard's monthly summary in the same transaction; a second
   * verification of the same person and household is a no-op (the unique key ignores it, and nothing is counted).
   */
  addResidency(residency: { userId: number; householdId: number; communityId: number; source: ResidencySource }): Promise<void> {
    const verifiedAt = new Date();
    const work = async () => {
      const added = await this.db.execute(
        `${this.db.kind === 'mysql' ? 'INSERT IGNORE' : 'INSERT OR IGNORE'} INTO \`residency\` (\`userId\`, \`householdId\`, \`communityId\`, \`source\`, \`verifiedAt\`)
         VALUES (?, ?, ?, ?, ?)`,
        [residency.userId, residency.householdId, residency.communityId, residency.source, dateParam(this.db, verifiedAt)],
      );
      if (added) await this.summary.residentsVerified(residency.communityId, verifiedAt, added);
    };
    return this.db.inTransaction() ? work() : this.db.transaction(work);
  }

  isResident(userId: number, householdId: number): Promise<boolean> {
    return this.db.run((em) => em.existsBy(Residency, { userId, householdId }));
  }

  /**
   * The communities a user is a verified resident of: one indexed read, nothing joined. Plain SQL (the same on
   * both databases) because every resident's activity list starts here and the query builder cost more than it.
   */
  async communityIdsOf(userId: number): Promise<number[]> {
    const rows = await this.db.rawQuery<{ communityId: number }>('SELECT DISTINCT `communityId` FROM `residency` WHERE `userId` = ?', [userId]);
    return rows.map((r) => Number(r.communityId)).sort((a, b) => a - b);
  }

  residenciesOf(userId: number): Promise<Residency[]> {
    return this.db.run((em) =>
      em.find(Residency, { where: { userId }, relations: { household: { community: true } }, order: { id: 'ASC' } }),
    );
  }
}
