import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { AuditLog } from './audit-log.entity.js';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  communityId: number | null;
  targetType: string;
  targetId: number | null;
  detail?: Record<string, unknown>;
}

/** Append-only: there is deliberately no update or delete here. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: Database) {}

  append(entry: AuditEntry): Promise<void> {
    return this.db.run(async (em) => {
      await em.insert(AuditLog, { ...entry, detail: JSON.stringify(entry.detail ?? {}), createdAt: new Date() });
    });
  }

  list(filter: { communityId?: number; action?: string } = {}): Promise<AuditLog[]> {
    return this.db.run((em) => em.find(AuditLog, { where: filter, order: { id: 'ASC' } }));
  }
}
