import { Injectable } from '@nestjs/common';
import { Household } from '../communities/household.entity.js';
import { Database } from '../database/database.js';
import { CensusResident } from './census-resident.entity.js';

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export interface CensusRow {
  building: string;
  unit: string;
  room: string;
  name: string;
}

@Injectable()
export class CensusRepository {
  constructor(private readonly db: Database) {}

  /** Creates missing households and lists the census persons; returns how many households were new. */
  importRows(communityId: number, rows: CensusRow[]): Promise<{ householdsCreated: number; residentsImported: number }> {
    return this.db.run(async (em) => {
      const before = await em.countBy(Household, { communityId });
      const listedBefore = await em.countBy(CensusResident, { communityId });
      const keys = new Map(rows.map((r) => [`${r.building}\u0000${r.unit}\u0000${r.room}`, r]));
      for (const part of chunks([...keys.values()])) {
        await em
          .createQueryBuilder()
          .insert()
          .into(Household)
          .values(part.map((r) => ({ communityId, building: r.building, unit: r.unit, room: r.room })))
          .orIgnore()
          .updateEntity(false)
          .execute();
      }
      const households = await em.find(Household, { where: { communityId } });
      const idByKey = new Map(households.map((h) => [`${h.building}\u0000${h.unit}\u0000${h.room}`, h.id]));
      const importedAt = new Date();
      for (const part of chunks(rows)) {
        await em
          .createQueryBuilder()
          .insert()
          .into(CensusResident)
          .values(
            part.map((r) => ({
              householdId: idByKey.get(`${r.building}\u0000${r.unit}\u0000${r.room}`)!,
              communityId,
              name: r.name,
              importedAt,
            })),
          )
          .orIgnore()
          .updateEntity(false)
          .execute();
      }
      const residentsImported = (await em.countBy(CensusResident, { communityId })) - listedBefore;
      return { householdsCreated: households.length - before, residentsImported };
    });
  }

  isListed(householdId: number, name: string): Promise<boolean> {
    return this.db.run((em) => em.existsBy(CensusResident, { householdId, name }));
  }
}
