import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import type { DatabaseKind } from '@linli/shared';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { guardMysqlPool, type DatabaseTimeouts } from './database-timeouts.js';

/** What plain SQL needs of mysql2's callback pool or connection (TypeORM's MysqlDriver.pool, MysqlQueryRunner.databaseConnection). */
interface MysqlQueryable {
  query(sql: string, values: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

interface MysqlPool extends MysqlQueryable {
  getConnection(callback: (error: Error | null, connection: MysqlQueryable & { release(): void }) => void): void;
}

/** A plain transaction in progress: its own mysql2 connection and what to do once it commits. */
interface PlainUnit {
  conn: MysqlQueryable;
  effects: (() => void)[];
}

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
  private readonly plain = new AsyncLocalStorage<PlainUnit>();
  /** Work to do once the current transaction has committed, keyed by its manager. */
  private readonly committed = new WeakMap<EntityManager, (() => void)[]>();

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.kind = dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  }

  /**
   * From now on every wait for a MySQL connection or statement is bounded (SQLite's lock wait is bounded when the
   * file is opened). Called once the schema is ready: a migration altering a big table may rightly take minutes.
   * Every connection TypeORM and our plain SQL take comes through the pool's getConnection, so that is where.
   */
  boundWaits(timeouts: DatabaseTimeouts): void {
    const pool = this.mysqlPool();
    if (pool) guardMysqlPool(pool as never, timeouts);
  }

  /** Whether this call runs inside `transaction` or `plainTransaction`. */
  inTransaction(): boolean {
    return Boolean(this.current.getStore() ?? this.plain.getStore());
  }

  /** Runs `work` with the enclosing transaction's manager, or alone (serialised on SQLite). */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.plain.getStore()) throw new Error('TypeORM work inside Database.plainTransaction(): use rawQuery/execute');
    const inTransaction = this.current.getStore();
    if (inTransaction) return work(inTransaction);
    if (this.kind === 'sqlite') return this.mutex.runExclusive(() => work(this.dataSource.manager));
    return work(this.dataSource.manager);
  }

  /**
   * Plain SQL for the hottest reads, where building the query cost more than running it (about 0.2 ms of CPU per
   * query builder call against 0.03 ms for the statement itself). Write SQL both databases accept: backtick
   * identifiers and `?` placeholders. Columns of `entity` found in a row are turned into their property values
   * (dates, booleans) by TypeORM's own driver, exactly as the query builder would; other columns stay raw.
   */
  async rows<T extends ObjectLiteral>(entity: EntityTarget<T>, sql: string, parameters: unknown[]): Promise<(T & Record<string, unknown>)[]> {
    const raw = await this.rawQuery(sql, parameters);
    const metadata = this.dataSource.getMetadata(entity);
    const driver = this.dataSource.driver;
    return raw.map((row) => {
      const out: Record<string, unknown> = { ...row };
      for (const column of metadata.columns) {
        if (column.databaseName in row) out[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
      }
      return out as T & Record<string, unknown>;
    });
  }

  /**
   * Plain SQL, raw rows (see `rows`). On MySQL straight to mysql2 (the pool, or inside a transaction its own
   * connection): TypeORM's query runner wraps each statement in a promise connection, a stack capture and query
   * events, which cost as much CPU as mysql2 itself.
   */
  rawQuery<T = Record<string, unknown>>(sql: string, parameters: unknown[]): Promise<T[]> {
    const mysql = this.mysqlTarget();
    if (mysql) return this.mysqlQuery<T[]>(mysql, sql, parameters);
    return this.run((em) => em.query<T[]>(sql, parameters));
  }

  /** A plain SQL write inside the current transaction; resolves with the number of rows it changed. */
  async execute(sql: string, parameters: unknown[]): Promise<number> {
    const mysql = this.mysqlTarget();
    if (mysql && (this.plain.getStore() || this.current.getStore())) {
      return (await this.mysqlQuery<{ affectedRows: number }>(mysql, sql, parameters)).affectedRows;
    }
    const em = this.current.getStore();
    if (!em?.queryRunner) throw new Error('Database.execute runs inside a transaction');
    const result = (await em.queryRunner.query(sql, parameters, true)) as { affected?: number };
    return result.affected ?? 0;
  }

  /** Through TypeORM's logger like every other statement (tests read it), then straight to mysql2. */
  private mysqlQuery<T>(target: MysqlQueryable, sql: string, parameters: unknown[]): Promise<T> {
    this.dataSource.logger.logQuery(sql, parameters);
    return new Promise((resolve, reject) => target.query(sql, parameters, (error, rows) => (error ? reject(error) : resolve(rows as T))));
  }

  /** Where plain SQL goes on MySQL: the transaction's own connection, else the pool; null on SQLite. */
  private mysqlTarget(): MysqlQueryable | null {
    if (this.kind !== 'mysql') return null;
    const plain = this.plain.getStore();
    if (plain) return plain.conn;
    const em = this.current.getStore();
    if (em) return (em.queryRunner as { databaseConnection?: MysqlQueryable } | undefined)?.databaseConnection ?? null;
    return this.mysqlPool();
  }

  private mysqlPool(): MysqlPool | null {
    return (this.dataSource.driver as { pool?: MysqlPool }).pool ?? null;
  }

  /**
   * Runs `effect` once the enclosing transaction has committed (at once outside one; never if it rolls back).
   * For dropping cached copies of what it changed: dropped earlier, a concurrent read could cache the old rows again.
   */
  afterCommit(effect: () => void): void {
    const plain = this.plain.getStore();
    if (plain) return void plain.effects.push(effect);
    const em = this.current.getStore();
    if (!em) return effect();
    this.committed.get(em)!.push(effect);
  }

  /** Runs `work` in one transaction. Repositories called inside it join it. Must not be nested. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const effects: (() => void)[] = [];
    const result = await this.transactionOnce(work, effects);
    for (const effect of effects) effect();
    return result;
  }

  /**
   * A transaction for a unit written wholly in plain SQL (`rawQuery`, `execute`): on MySQL it runs on a bare
   * mysql2 connection from the pool, because TypeORM's transaction control (a query runner, START and COMMIT
   * through its promise wrapper and events) cost as much CPU as the statements of a ballot. TypeORM work inside
   * one throws. Deadlocks are retried whole, as in `transaction`; on SQLite it is `transaction`.
   */
  async plainTransaction<T>(work: () => Promise<T>): Promise<T> {
    const pool = this.mysqlPool();
    if (!pool || this.kind !== 'mysql') return this.transaction(work);
    if (this.current.getStore() || this.plain.getStore()) throw new Error('Nested Database.plainTransaction()');
    const unit: PlainUnit = { conn: pool, effects: [] };
    const result = await this.withRetry(async () => {
      unit.effects = [];
      const conn = await new Promise<MysqlQueryable & { release(): void }>((resolve, reject) =>
        pool.getConnection((error, c) => (error ? reject(error) : resolve(c))),
      );
      try {
        await this.mysqlQuery(conn, 'START TRANSACTION', []);
        const value = await this.plain.run({ ...unit, conn }, work);
        await this.mysqlQuery(conn, 'COMMIT', []);
        return value;
      } catch (error) {
        await this.mysqlQuery(conn, 'ROLLBACK', []).catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    });
    for (const effect of unit.effects) effect();
    return result;
  }

  private transactionOnce<T>(work: () => Promise<T>, effects: (() => void)[]): Promise<T> {
    if (this.current.getStore()) throw new Error('Nested Database.transaction()');
    const attempt = (em: EntityManager) => {
      // A retried attempt starts with no effects of its own: only the committed attempt's run.
      effects.length = 0;
      this.committed.set(em, effects);
      return this.current.run(em, work);
    };
    if (this.kind === 'sqlite') {
      return this.mutex.runExclusive(() => this.dataSource.transaction(attempt));
    }
    return this.withRetry(() => this.dataSource.transaction(attempt));
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
