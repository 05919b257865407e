import { connect } from 'node:net';
import { ApiErrorSchema } from '@linli/shared';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Sends raw bytes (fetch refuses unknown methods and broken URLs itself) and parses the answer. */
function rawHttp(base: string, request: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') });
    });
  });
}

/** Every answer, even the framework's own before routing, is `{code, message}` in Chinese and echoes no input. */
describe('answers Fastify gives before our code runs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  function expectModel(status: number, bodyText: string, code: string, expectedStatus: number, input: string) {
    const body = ApiErrorSchema.parse(JSON.parse(bodyText));
    expect({ status, code: body.code }).toEqual({ status: expectedStatus, code });
    expect(Object.keys(body).sort()).toEqual(['code', 'message']);
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(bodyText).not.toContain(input);
  }

  it('answers a path parameter over 100 characters with 400 MALFORMED_REQUEST, not 414 echoing the URL', async () => {
    const long = 'x'.repeat(150);
    const response = await fetch(`${t.base}/api/activities/${long}`);
    expectModel(response.status, await response.text(), 'MALFORMED_REQUEST', 400, long);
  });

  it('answers broken percent-encoding with 400 MALFORMED_REQUEST', async () => {
    const reply = await rawHttp(t.base, 'GET /api/activities/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expectModel(reply.status, reply.body, 'MALFORMED_REQUEST', 400, '%E0%A4%A');
  });

  it('answers an unknown HTTP method with 400 MALFORMED_REQUEST', async () => {
    const reply = await rawHttp(t.base, 'BREW /api/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expectModel(reply.status, reply.body, 'MALFORMED_REQUEST', 400, 'BREW');
  });

  it('answers a method Fastify knows but no route takes with 404 ROUTE_NOT_FOUND', async () => {
    const response = await fetch(`${t.base}/api/me`, { method: 'OPTIONS' });
    expectModel(response.status, await response.text(), 'ROUTE_NOT_FOUND', 404, '/api/me');
  });

  it('answers body too large, bad JSON, a wrong content type and unknown routes without echoing them', async () => {
    const json = { 'content-type': 'application/json' };
    const big = await fetch(`${t.base}/api/auth/dev`, { method: 'POST', headers: json, body: JSON.stringify({ persona: 'y'.repeat(5 * 1024 * 1024) }) });
    expectModel(big.status, await big.text(), 'PAYLOAD_TOO_LARGE', 413, 'yyyy');
    const bad = await fetch(`${t.base}/api/auth/dev`, { method: 'POST', headers: json, body: '{"persona": evil_token' });
    expectModel(bad.status, await bad.text(), 'MALFORMED_REQUEST', 400, 'evil_token');
    const xml = await fetch(`${t.base}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/evil+xml' }, body: '<a/>' });
    expectModel(xml.status, await xml.text(), 'UNSUPPORTED_MEDIA_TYPE', 415, 'evil');
    const unknown = await fetch(`${t.base}/api/evil-route-name?q=evil`);
    expectModel(unknown.status, await unknown.text(), 'ROUTE_NOT_FOUND', 404, 'evil');
  });
});

describe('API docs', () => {
  const docPaths = ['/api/docs', '/api/docs/openapi.json', '/api/docs-yaml'];

  it('are not served in production unless API_DOCS is set', async () => {
    const t = await createTestApp({ env: 'production', apiDocs: false });
    try {
      for (const path of docPaths) {
        const response = await fetch(`${t.base}${path}`);
        expect([path, response.status, ((await response.json()) as { code: string }).code]).toEqual([path, 404, 'ROUTE_NOT_FOUND']);
      }
    } finally {
      await t.close();
    }
  });

  it('are served when API_DOCS=true', async () => {
    const t = await createTestApp({ env: 'production', apiDocs: true });
    try {
      for (const path of docPaths) expect([path, (await fetch(`${t.base}${path}`)).status]).toEqual([path, 200]);
    } finally {
      await t.close();
    }
  });
});
