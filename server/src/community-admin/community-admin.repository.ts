import { Injectable } from '@nestjs/common';
import { Community } from '../communities/community.entity.js';
import { Household } from '../communities/household.entity.js';
import type { Street } from '../communities/street.entity.js';
import { Database } from '../database/database.js';
import type { HouseholdRow } from './household-csv.js';

const CHUNK = 500;
const key = (h: { building: string; unit: string; room: string }) => `${h.building}\u0000${h.unit}\u0000${h.room}`;

@Injectable()
export class CommunityAdminRepository {
  constructor(private readonly db: Database) {}

  findWithStreet(id: number): Promise<(Community & { street: Street }) | null> {
    return this.db.run((em) => em.findOne(Community, { where: { id }, relations: { street: true } }));
  }

  async insertCommunity(values: { streetId: number; name: string; address: string }): Promise<number> {
    return this.db.run(async (em) => (await em.insert(Community, { ...values, archivedAt: null })).identifiers[0].id as number);
  }

  async updateCommunity(id: number, patch: Partial<Pick<Community, 'name' | 'address' | 'archivedAt'>>): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.run((em) => em.update(Community, { id }, patch));
  }

  householdCount(communityId: number): Promise<number> {
    return this.db.run((em) => em.countBy(Household, { communityId }));
  }

  async insertHousehold(values: { communityId: number; building: string; unit: string; room: string }): Promise<Household> {
    return this.db.run(async (em) => {
      const id = (await em.insert(Household, values)).identifiers[0].id as number;
      return { ...values, id } as Household;
    });
  }

  /**
   * Inside a transaction: creates the households not yet registered (the unique key on community, 楼栋, 单元, 房号
   * makes a second import, or a concurrent one, create nothing) and says which rows were new.
   */
  importHouseholds(communityId: number, rows: HouseholdRow[]): Promise<{ created: number; newRows: HouseholdRow[] }> {
    return this.db.run(async (em) => {
      const existing = new Set(
        (await em.find(Household, { select: { building: true, unit: true, room: true }, where: { communityId } })).map(key),
      );
      const newRows = rows.filter((r) => !existing.has(key(r)));
      const before = existing.size;
      for (let i = 0; i < newRows.length; i += CHUNK) {
        await em
          .createQueryBuilder()
          .insert()
          .into(Household)
          .values(newRows.slice(i, i + CHUNK).map((r) => ({ communityId, building: r.building, unit: r.unit, room: r.room })))
          .orIgnore()
          .updateEntity(false)
          .execute();
      }
      const created = (await em.countBy(Household, { communityId })) - before;
      return { created, newRows };
    });
  }
}
