import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredObject {
  path: string;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

/** Just enough of S3's PutObject on loopback (path-style: PUT /bucket/key) to see what the server stores. */
export async function startFakeS3() {
  const objects = new Map<string, StoredObject>();
  let failing = false;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failing) {
        res.writeHead(503, { 'content-type': 'application/xml' }).end('<Error><Code>ServiceUnavailable</Code></Error>');
        return;
      }
      if (req.method !== 'PUT') {
        res.writeHead(405).end();
        return;
      }
      const path = decodeURIComponent((req.url ?? '').split('?')[0]);
      objects.set(path, { path, headers: req.headers, bytes: Buffer.concat(chunks) });
      res.writeHead(200, { etag: '"fake"' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    fail: (on: boolean) => {
      failing = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
