import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCH_JWT_SECRET } from './server-process.js';

/** The bare HTTP floor (bench/floor-server.ts) in its own process, as the real server runs in its own. */
export async function withFloorServer<T>(mysqlUrl: string, work: (baseUrl: string) => Promise<T>): Promise<T> {
  const port = 3990;
  const child = fork(fileURLToPath(new URL('./floor-server.js', import.meta.url)), [String(port), mysqlUrl, BENCH_JWT_SECRET]);
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  try {
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
