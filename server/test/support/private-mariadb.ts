import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export const MARIADBD = '/usr/sbin/mariadbd';
export const hasMariadbd = existsSync(MARIADBD);

/**
 * A MariaDB server of the test's own, on a free port with a temporary data directory, for tests that kill or
 * freeze the database. Never the machine's shared server on 3306: other tests and people use that one.
 * `--skip-grant-tables` lets root in without mariadb-install-db (an empty datadir is enough), and `--user=root`
 * lets it run as root in CI.
 */
export class PrivateMariadb {
  private process: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'linli-mariadb-'));
  private constructor(readonly port: number) {}

  /** Starts it and creates `database`; `url` is then mysql://root@127.0.0.1:<port>/<database>. */
  static async start(database = 'linli_outage'): Promise<PrivateMariadb> {
    const server = new PrivateMariadb(await freePort());
    mkdirSync(join(server.dir, 'data'));
    await server.launch();
    const admin = await createConnection({ host: '127.0.0.1', port: server.port, user: 'root' });
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    server.database = database;
    // A datadir InnoDB has just created does not survive kill -9 until it was once shut down cleanly.
    await server.stop();
    await server.launch();
    return server;
  }

  private database = '';

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/${this.database}`;
  }

  /** kill -9: the server is gone at once, its open transactions lost (InnoDB recovers committed ones on restart). */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** A clean shutdown (SIGTERM). */
  private async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** SIGSTOP: connections stay open, nothing answers; SIGCONT (`thaw`) resumes where it stopped. */
  freeze(): void {
    this.process?.kill('SIGSTOP');
  }

  thaw(): void {
    this.process?.kill('SIGCONT');
  }

  /** Starts it again on the same port and data (after `kill`). */
  restart(): Promise<void> {
    return this.launch();
  }

  /** Stops it for good and removes its data. */
  async remove(): Promise<void> {
    this.thaw();
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A statement on a connection of its own, outside the app (to look at what was committed). */
  async query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
    const conn = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root', database: this.database });
    try {
      return (await conn.query(sql, values))[0] as T[];
    } finally {
      await conn.end();
    }
  }

  private async launch(): Promise<void> {
    const child = spawn(
      MARIADBD,
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'sock')}`,
        `--pid-file=${join(this.dir, 'pid')}`,
        '--skip-grant-tables',
        '--skip-name-resolve',
        '--user=root',
        // Small: a test database of a few hundred rows, on a machine shared with other test runs.
        '--innodb-buffer-pool-size=32M',
        '--innodb-log-file-size=16M',
        '--max-connections=100',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    this.process = child;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`mariadbd exited (${child.exitCode}):\n${log}`);
      try {
        const conn = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 1000 });
        await conn.end();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`mariadbd did not start in 30 s:\n${log}`, { cause: error });
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
