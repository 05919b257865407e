import { Injectable } from '@nestjs/common';
import { auditRowHash, GENESIS_HASH } from './audit-hash.js';
import { AuditRepository } from './audit.repository.js';

export interface ChainBreak {
  chain: number;
  /** The first row that does not follow from the one before it (null: rows are missing from the chain's end). */
  id: number | null;
  seq: number;
  reason: 'changed' | 'missing_or_inserted' | 'end_missing';
}

export interface VerifyReport {
  chains: number;
  rows: number;
  /** Rows written before the chain existed (chain -1), which cannot be checked. */
  unchained: number;
  breaks: ChainBreak[];
}

const BATCH = 2000;

/** Walks every chain from its start and reports, per chain, the first link that does not hold. */
@Injectable()
export class AuditVerifier {
  constructor(private readonly audit: AuditRepository) {}

  async verify(): Promise<VerifyReport> {
    const heads = await this.audit.chains();
    const report: VerifyReport = { chains: heads.length, rows: 0, unchained: await this.audit.countUnchained(), breaks: [] };
    for (const head of heads) {
      const found = await this.verifyChain(head.chain, head.seq, head.hash, report);
      if (found) report.breaks.push(found);
    }
    return report;
  }

  private async verifyChain(chain: number, headSeq: number, headHash: string, report: VerifyReport): Promise<ChainBreak | null> {
    let prevHash = GENESIS_HASH;
    let seq = 0;
    for (;;) {
      const rows = await this.audit.chainBatch(chain, seq, BATCH);
      for (const row of rows) {
        report.rows++;
        if (row.seq !== seq + 1 || row.prevHash !== prevHash) return { chain, id: row.id, seq: row.seq, reason: 'missing_or_inserted' };
        if (auditRowHash(row) !== row.hash) return { chain, id: row.id, seq: row.seq, reason: 'changed' };
        prevHash = row.hash;
        seq = row.seq;
      }
      if (rows.length < BATCH) break;
    }
    if (seq !== headSeq || prevHash !== headHash) return { chain, id: null, seq: seq + 1, reason: 'end_missing' };
    return null;
  }
}
