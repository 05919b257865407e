import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import type { DatabaseKind } from '@linli/shared';
import { DataSource, type EntityManager } from 'typeorm';

const MYSQL_RETRYABLE = new Set([1213 /* deadlock */, 1205 /* lock wait timeout */]);
const MAX_ATTEMPTS = 4;

/**
 * The only way services and repositories reach the database.
 *
 * SQLite through TypeORM has a single shared connection: two concurrent `transaction()` calls silently nest
 * as savepoints and lose writes. So on SQLite every unit of work (reads too, so none sees another's
 * uncommitted rows) runs under one mutex. On MySQL units run on pooled connections; a transaction that
 * loses a deadlock is retried whole.
 */
@Injectable()
export class Database {
  readonly kind: DatabaseKind;
  private readonly mutex = new Mutex();
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.kind = dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  }

  /** Runs `work` with the enclosing transaction's manager, or alone (serialised on SQLite). */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const inTransaction = this.current.getStore();
    if (inTransaction) return work(inTransaction);
    if (this.kind === 'sqlite') return this.mutex.runExclusive(() => work(this.dataSource.manager));
    return work(this.dataSource.manager);
  }

  /** Runs `work` in one transaction. Repositories called inside it join it. Must not be nested. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) throw new Error('Nested Database.transaction()');
    if (this.kind === 'sqlite') {
      return this.mutex.runExclusive(() => this.dataSource.transaction((em) => this.current.run(em, work)));
    }
    return this.withRetry(() => this.dataSource.transaction((em) => this.current.run(em, work)));
  }

  private async withRetry<T>(attempt: () => Promise<T>): Promise<T> {
    for (let i = 1; ; i++) {
      try {
        return await attempt();
      } catch (error) {
        const errno = (error as { errno?: number; driverError?: { errno?: number } }).driverError?.errno ??
          (error as { errno?: number }).errno;
        if (i >= MAX_ATTEMPTS || errno === undefined || !MYSQL_RETRYABLE.has(errno)) throw error;
        await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 10));
      }
    }
  }
}

/** Whether a database error is a unique-key violation, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
