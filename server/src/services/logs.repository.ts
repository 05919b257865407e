import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database, isUniqueViolation } from '../database/database.js';
import { AppError } from '../common/app-error.js';
import { User } from '../users/user.entity.js';
import { ServiceBeneficiary } from './service-beneficiary.entity.js';
import { ServiceLog } from './service-log.entity.js';
import { monthOf } from './days.js';

export type LogValues = Omit<ServiceLog, 'id' | 'item' | 'beneficiary'>;
export type LogRow = ServiceLog & { workerName: string; beneficiaryName: string | null; voided: boolean };

@Injectable()
export class LogsRepository {
  constructor(private readonly db: Database) {}

  findById(id: number): Promise<ServiceLog | null> {
    return this.db.run((em) => em.findOneBy(ServiceLog, { id }));
  }

  /**
   * Appends a log (or a void entry) and adds it to its month's summary row, in the caller's transaction: the summary
   * can never disagree with the logs. A second void of the same log meets the unique key on `voidsId`.
   */
  async append(values: LogValues): Promise<number> {
    let id: number;
    try {
      id = await this.db.run(async (em) => (await em.insert(ServiceLog, values)).identifiers[0].id as number);
    } catch (error) {
      if (values.voidsId !== null && isUniqueViolation(error)) throw new AppError('SERVICE_LOG_ALREADY_VOIDED');
      throw error;
    }
    const count = values.voidsId === null ? 1 : -1;
    const upsert =
      this.db.kind === 'mysql'
        ? 'INSERT INTO `service_item_month` (`itemId`, `month`, `quantity`, `logs`, `minutes`) VALUES (?, ?, ?, ?, ?) ' +
          'ON DUPLICATE KEY UPDATE `quantity` = `quantity` + VALUES(`quantity`), `logs` = `logs` + VALUES(`logs`), `minutes` = `minutes` + VALUES(`minutes`)'
        : 'INSERT INTO `service_item_month` (`itemId`, `month`, `quantity`, `logs`, `minutes`) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT (`itemId`, `month`) DO UPDATE SET `quantity` = `quantity` + excluded.`quantity`, `logs` = `logs` + excluded.`logs`, `minutes` = `minutes` + excluded.`minutes`';
    await this.db.execute(upsert, [values.itemId, monthOf(values.servedOn), values.quantity, count, values.minutes]);
    return id;
  }

  /** One log with who did it and for whom. */
  row(id: number): Promise<LogRow | null> {
    return this.db.run(async (em) => (await withNames(em).where('l.id = :id', { id }).getRawAndEntities().then(named))[0] ?? null);
  }

  /** A page of an item's logs, newest day first, with who did them and for whom. */
  page(
    filter: { itemId: number; beneficiaryId?: number; from?: string; to?: string },
    page: number,
    pageSize: number,
  ): Promise<[LogRow[], number]> {
    return this.db.run(async (em) => {
      const qb = withNames(em).where('l.itemId = :itemId', { itemId: filter.itemId });
      if (filter.beneficiaryId !== undefined) qb.andWhere('l.beneficiaryId = :b', { b: filter.beneficiaryId });
      if (filter.from) qb.andWhere('l.servedOn >= :from', { from: filter.from });
      if (filter.to) qb.andWhere('l.servedOn <= :to', { to: filter.to });
      const total = await qb.getCount();
      const rows = named(
        await qb
          .orderBy('l.servedOn', 'DESC')
          .addOrderBy('l.id', 'DESC')
          .offset((page - 1) * pageSize)
          .limit(pageSize)
          .getRawAndEntities(),
      );
      return [rows, total];
    });
  }

  /** Every log of these items, for the export. */
  forExport(itemIds: number[]): Promise<LogRow[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.db.run(async (em) =>
      named(
        await withNames(em)
          .where('l.itemId IN (:...itemIds)', { itemIds })
          .orderBy('l.itemId', 'ASC')
          .addOrderBy('l.servedOn', 'ASC')
          .addOrderBy('l.id', 'ASC')
          .getRawAndEntities(),
      ),
    );
  }
}

type NameColumns = { workerName: string | null; beneficiaryName: string | null; voidCount: number | string };

/** Logs with the worker's and beneficiary's names and whether a void entry cancels them. */
function withNames(em: EntityManager) {
  return em
    .createQueryBuilder(ServiceLog, 'l')
    .leftJoin(User, 'u', 'u.id = l.workerId')
    .leftJoin(ServiceBeneficiary, 'b', 'b.id = l.beneficiaryId')
    .addSelect('u.nickname', 'workerName')
    .addSelect('b.name', 'beneficiaryName')
    .addSelect('(SELECT COUNT(*) FROM service_log v WHERE v.voidsId = l.id)', 'voidCount');
}

function named({ entities, raw }: { entities: ServiceLog[]; raw: NameColumns[] }): LogRow[] {
  return entities.map((e, i) => ({
    ...e,
    workerName: raw[i].workerName ?? '',
    beneficiaryName: raw[i].beneficiaryName ?? null,
    voided: Number(raw[i].voidCount) > 0,
  }));
}
