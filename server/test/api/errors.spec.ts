import { routes } from '@linli/shared';
import { ApiErrorSchema } from '@linli/shared';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Bad input of every shape gets a 4xx with a stable code and a Chinese message; nothing answers 500. */
describe('error model', () => {
  let t: TestApp;
  let resident: string;

  beforeAll(async () => {
    t = await createTestApp();
    resident = await t.login('resident');
  });
  afterAll(() => t.close());

  async function raw(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
    const response = await fetch(`${t.base}${path}`, { method, body: init.body, headers: init.headers });
    const body = ApiErrorSchema.parse(await response.json());
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    return { status: response.status, body };
  }
  const json = { 'content-type': 'application/json' };

  it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
    const reply = await raw('POST', '/api/auth/dev', { body: '{"persona": ', headers: json });
    expect(reply).toEqual({ status: 400, body: { code: 'MALFORMED_REQUEST', message: expect.any(String) } });
  });

  it('lists every missing or mistyped field', async () => {
    const auth = { ...json, authorization: `Bearer ${resident}` };
    const missing = await raw('POST', '/api/residency-claims', { body: '{}', headers: auth });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.fields!.map((f) => f.path).sort()).toEqual(['body.householdId', 'body.realName']);
    expect(missing.body.fields!.every((f) => /[\u4e00-\u9fa5]/.test(f.message))).toBe(true);

    const wrongTypes = await raw('POST', '/api/residency-claims', { body: '{"householdId":"abc","realName":42}', headers: auth });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.fields!.map((f) => f.path).sort()).toEqual(['body.householdId', 'body.realName']);

    const badParam = await raw('GET', '/api/communities/abc/households', { headers: auth });
    expect(badParam).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', fields: [{ path: 'params.id' }] } });

    const badQuery = await raw('GET', '/api/residency-claims?pageSize=1000&status=maybe', { headers: { authorization: `Bearer ${await t.login('committee')}` } });
    expect(badQuery.body.fields!.map((f) => f.path).sort()).toEqual(['query.pageSize', 'query.status']);
  });

  it('answers a body that is not JSON at all, or none, without a 500', async () => {
    const text = await raw('POST', '/api/auth/dev', { body: 'persona=resident', headers: { 'content-type': 'text/plain' } });
    expect(text).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', fields: [{ path: 'body' }] } });
    const xml = await raw('POST', '/api/auth/dev', { body: '<a/>', headers: { 'content-type': 'application/xml' } });
    expect(xml).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const empty = await raw('POST', '/api/auth/dev', { body: '', headers: json });
    expect(empty.status).toBe(400);
    const none = await raw('POST', '/api/auth/dev');
    expect(none).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const array = await raw('POST', '/api/auth/dev', { body: '[1,2]', headers: json });
    expect(array).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses an oversized body with 413', async () => {
    const big = JSON.stringify({ csv: 'x'.repeat(5 * 1024 * 1024) });
    const reply = await raw('POST', '/api/communities/1/census', { body: big, headers: json });
    expect(reply).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers 401 without a token or with a bad one, on every non-public route', async () => {
    const guarded = Object.values(routes).filter((r) => r.auth !== 'public');
    for (const route of guarded) {
      const path = `/api${route.path.replace(':id', '1')}`;
      const none = await raw(route.method, path, { body: route.method === 'GET' ? undefined : '{}', headers: route.method === 'GET' ? {} : json });
      expect([route.path, none.status, none.body.code]).toEqual([route.path, 401, 'UNAUTHENTICATED']);
    }
    const forged = await raw('GET', '/api/me', { headers: { authorization: 'Bearer not.a.token' } });
    expect(forged).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it('answers 403 on staff routes for residents', async () => {
    const reply = await t.call(routes.approveResidencyClaim, { params: { id: 1 } }, resident);
    expect(reply).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } });
  });

  it('answers unknown API paths with 404 ROUTE_NOT_FOUND', async () => {
    expect(await raw('GET', '/api/no-such-thing')).toMatchObject({ status: 404, body: { code: 'ROUTE_NOT_FOUND' } });
    expect(await raw('PUT', '/api/me')).toMatchObject({ status: 404, body: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('reports health and serves OpenAPI docs generated from the route table', async () => {
    const health = await t.call(routes.health);
    expect(health.body).toMatchObject({ status: 'ok', database: { ok: true } });
    const doc = (await (await fetch(`${t.base}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: { required: string[] } }> } }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/residency-claims/{id}/approve', '/api/auth/wechat']));
    expect(doc.paths['/api/residency-claims'].post.requestBody.content['application/json'].schema.required).toEqual(['householdId', 'realName']);
  });
});
