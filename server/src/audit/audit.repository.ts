import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Community } from '../communities/community.entity.js';
import { Database, isUniqueViolation } from '../database/database.js';
import { AuditChainHead } from './audit-chain-head.entity.js';
import { auditRowHash, GENESIS_HASH } from './audit-hash.js';
import { AuditLog } from './audit-log.entity.js';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  communityId: number | null;
  /** Defaults to the community's street; give it for street-level actions (no community). */
  streetId?: number | null;
  targetType: string;
  targetId: number | null;
  detail?: Record<string, unknown>;
}

export interface AuditFilter {
  /** Rows of these streets or (OR) these communities: what the reader may see. */
  streetIds: number[];
  communityIds: number[];
  actorId?: number;
  action?: string;
  targetType?: string;
  targetId?: number;
  communityId?: number;
  from?: Date;
  to?: Date;
}

/** Append-only: there is deliberately no update or delete of audit_log rows here (the chain head is not a log row). */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Database) {}

  /** Appends to the street's chain inside the caller's transaction (its own one when called outside). */
  append(entry: AuditEntry): Promise<void> {
    if (!this.db.inTransaction()) return this.db.transaction(() => this.append(entry));
    return this.db.run(async (em) => {
      const streetId = entry.streetId !== undefined ? entry.streetId : await streetOf(em, entry.communityId);
      const chain = streetId ?? 0;
      const head = await this.lockHead(em, chain);
      const row = {
        actorId: entry.actorId,
        action: entry.action,
        streetId,
        communityId: entry.communityId,
        targetType: entry.targetType,
        targetId: entry.targetId,
        detail: JSON.stringify(entry.detail ?? {}),
        createdAt: new Date(Math.floor(Date.now() / 1000) * 1000),
        chain,
        seq: head.seq + 1,
        prevHash: head.hash,
      };
      const hash = auditRowHash(row);
      await em.insert(AuditLog, { ...row, hash });
      await em.update(AuditChainHead, { chain }, { seq: row.seq, hash });
    });
  }

  /**
   * The chain's head, locked until the transaction ends. Created on a chain's first append; two first appends
   * racing both try, and the loser (a unique violation, or a deadlock the transaction retries) reads the winner's.
   */
  private async lockHead(em: EntityManager, chain: number): Promise<{ seq: number; hash: string }> {
    const lock = this.db.kind === 'mysql' ? ' FOR UPDATE' : '';
    const read = async () =>
      (await em.query<{ seq: number; hash: string }[]>(`SELECT \`seq\`, \`hash\` FROM \`audit_chain_head\` WHERE \`chain\` = ?${lock}`, [chain]))[0];
    const found = await read();
    if (found) return { seq: Number(found.seq), hash: found.hash };
    try {
      await em.insert(AuditChainHead, { chain, seq: 0, hash: GENESIS_HASH });
      return { seq: 0, hash: GENESIS_HASH };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = (await read())!;
      return { seq: Number(winner.seq), hash: winner.hash };
    }
  }

  list(filter: { communityId?: number; action?: string } = {}): Promise<AuditLog[]> {
    return this.db.run((em) => em.find(AuditLog, { where: filter, order: { id: 'ASC' } }));
  }

  /** A page of rows matching the filter, newest first, with the actors' nicknames and communities' names. */
  page(filter: AuditFilter, page: { offset: number; limit: number }): Promise<[(AuditLog & { actorName: string | null; communityName: string | null })[], number]> {
    return this.db.run(async (em) => {
      const qb = em
        .createQueryBuilder(AuditLog, 'a')
        .leftJoin('app_user', 'u', 'u.id = a.actorId')
        .leftJoin('community', 'c', 'c.id = a.communityId');
      const scope: string[] = [];
      if (filter.streetIds.length) scope.push('a.streetId IN (:...streetIds)');
      if (filter.communityIds.length) scope.push('a.communityId IN (:...communityIds)');
      if (scope.length === 0) return [[], 0];
      qb.where(`(${scope.join(' OR ')})`, { streetIds: filter.streetIds, communityIds: filter.communityIds });
      if (filter.actorId !== undefined) qb.andWhere('a.actorId = :actorId', { actorId: filter.actorId });
      if (filter.action !== undefined) qb.andWhere('a.action = :action', { action: filter.action });
      if (filter.targetType !== undefined) qb.andWhere('a.targetType = :targetType', { targetType: filter.targetType });
      if (filter.targetId !== undefined) qb.andWhere('a.targetId = :targetId', { targetId: filter.targetId });
      if (filter.communityId !== undefined) qb.andWhere('a.communityId = :communityId', { communityId: filter.communityId });
      if (filter.from) qb.andWhere('a.createdAt >= :from', { from: filter.from });
      if (filter.to) qb.andWhere('a.createdAt < :to', { to: filter.to });
      const total = await qb.getCount();
      const { entities, raw } = await qb
        .addSelect('u.nickname', 'actorName')
        .addSelect('c.name', 'communityName')
        .orderBy('a.id', 'DESC')
        .offset(page.offset)
        .limit(page.limit)
        .getRawAndEntities<{ actorName: string | null; communityName: string | null }>();
      return [entities.map((e, i) => Object.assign(e, { actorName: raw[i].actorName, communityName: raw[i].communityName })), total];
    });
  }

  chains(): Promise<AuditChainHead[]> {
    return this.db.run((em) => em.find(AuditChainHead, { order: { chain: 'ASC' } }));
  }

  /** One chain in order, a batch at a time (a street's log outgrows memory). */
  chainBatch(chain: number, afterSeq: number, limit: number): Promise<AuditLog[]> {
    return this.db.run((em) =>
      em
        .createQueryBuilder(AuditLog, 'a')
        .where('a.chain = :chain AND a.seq > :afterSeq', { chain, afterSeq })
        .orderBy('a.seq', 'ASC')
        .limit(limit)
        .getMany(),
    );
  }

  countUnchained(): Promise<number> {
    return this.db.run((em) => em.countBy(AuditLog, { chain: -1 }));
  }
}

async function streetOf(em: EntityManager, communityId: number | null): Promise<number | null> {
  if (communityId === null) return null;
  return (await em.findOne(Community, { select: { id: true, streetId: true }, where: { id: communityId } }))?.streetId ?? null;
}
