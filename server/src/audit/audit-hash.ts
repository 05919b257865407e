import { createHash } from 'node:crypto';

/** The chain's first `prevHash`. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  chain: number;
  seq: number;
  actorId: number | null;
  action: string;
  streetId: number | null;
  communityId: number | null;
  targetType: string;
  targetId: number | null;
  detail: string;
  createdAt: Date;
  prevHash: string;
}

/** SHA-256 over every stored field of a row (as stored) and the previous row's hash. */
export function auditRowHash(row: HashedFields): string {
  const canonical = JSON.stringify([
    row.chain,
    row.seq,
    row.actorId,
    row.action,
    row.streetId,
    row.communityId,
    row.targetType,
    row.targetId,
    row.detail,
    row.createdAt.toISOString(),
    row.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
