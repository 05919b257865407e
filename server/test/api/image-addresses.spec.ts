import { request as httpRequest } from 'node:http';
import { routes, type CreateArticle } from '@linli/shared';
import { activityInput, communityIds } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { photo } from '../support/uploads.js';

interface RawReply {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A request with headers fetch will not let us forge (Host): multipart or JSON, as the server reads it.
 * The body is built by the platform's own Request, so the multipart framing is the same a browser sends.
 */
async function raw(t: TestApp, method: string, path: string, headers: Record<string, string>, body: FormData | object): Promise<RawReply> {
  const built = new Request(`${t.base}${path}`, {
    method,
    body: body instanceof FormData ? body : JSON.stringify(body),
    headers: body instanceof FormData ? {} : { 'content-type': 'application/json' },
  });
  const bytes = Buffer.from(await built.arrayBuffer());
  const url = new URL(t.base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { 'content-type': built.headers.get('content-type')!, 'content-length': String(bytes.length), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}

const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '6.6.6.6' };

/** Our own image addresses come from PUBLIC_URL, and every stored image address must name one of our uploads. */
describe('image addresses', () => {
  let t: TestApp;
  let committee: string;
  let c: Record<string, number>;
  let upload: { key: string; variants: { body: string; cover: string } };

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    c = await communityIds(t);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await photo(800, 600).jpeg().toBuffer())], { type: 'image/jpeg' }), 'photo.jpg');
    const reply = await raw(t, 'POST', '/api/uploads', { authorization: `Bearer ${committee}`, ...FORGED }, form);
    expect(reply.status).toBe(201);
    upload = reply.body as typeof upload;
  });
  afterAll(() => t.close());

  it('answers an upload with addresses under PUBLIC_URL, whatever Host and X-Forwarded-Host say', () => {
    expect(upload.variants.body).toBe(`${t.base}/uploads/${upload.key}/body.jpg`);
    expect(JSON.stringify(upload)).not.toContain('evil.example');
  });

  it('keeps no image of a forged host in an article, and refuses such a cover', async () => {
    const forgedImage = `https://evil.example/uploads/${upload.key}/body.jpg`;
    const article = (body: string, coverUrl: string | null = null): CreateArticle =>
      ({ communityId: c['幸福里社区'], kind: 'notice', title: '图片测试', summary: '', body, coverUrl }) as CreateArticle;
    const headers = { authorization: `Bearer ${committee}`, ...FORGED };

    const created = await raw(t, 'POST', '/api/articles', headers, article(`<p>照片</p><p><img src="${forgedImage}" alt="x"><img src="${upload.variants.body}" alt="ours"></p>`));
    expect(created.status).toBe(201);
    expect(created.body.body).toBe(`<p>照片</p><p><img src="${upload.variants.body}" alt="ours" /></p>`);
    const stored = ok(await t.call(routes.getArticle, { params: { id: created.body.id as number } }, committee));
    expect(stored.body).not.toContain('evil.example');

    const refused = await raw(t, 'POST', '/api/articles', headers, article('<p>封面</p>', `https://evil.example/uploads/${upload.key}/cover.jpg`));
    expect(refused).toMatchObject({ status: 400, body: { code: 'ARTICLE_IMAGE_NOT_OURS' } });
  });

  describe('an activity cover', () => {
    const create = (coverUrl: string | null) => t.call(routes.createActivity, { body: activityInput(t, c['幸福里社区'], { coverUrl }) }, committee);

    it('is one of our own uploads, or none', async () => {
      expect(ok(await create(upload.variants.cover)).coverUrl).toBe(upload.variants.cover);
      expect(ok(await create(`/uploads/${upload.key}/cover.jpg`)).coverUrl).toBe(`/uploads/${upload.key}/cover.jpg`);
      expect(ok(await create(null)).coverUrl).toBeNull();
    });

    it.each([
      ['another site', 'http://evil.example/cover.png', 'IMAGE_NOT_OURS'],
      ['our address for an upload that does not exist', `http://127.0.0.1:1/uploads/${'0'.repeat(32)}/cover.jpg`, 'IMAGE_NOT_OURS'],
      ['script', 'javascript:alert(1)', 'VALIDATION_FAILED'],
      ['an inline SVG', 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'VALIDATION_FAILED'],
      ['a quote-breaking value', '/nothing.png" onerror="window.__xss=1', 'VALIDATION_FAILED'],
      ['a quote-breaking upload address', `/uploads/${'a'.repeat(32)}/cover.jpg" onerror="alert(1)`, 'VALIDATION_FAILED'],
    ])('refuses %s on create and on edit', async (_, coverUrl, code) => {
      const ours = coverUrl.replace('http://127.0.0.1:1', t.base);
      const created = await create(ours);
      expect(created).toMatchObject({ status: 400, error: { code } });
      const draft = ok(await create(null));
      const edited = await t.call(routes.updateActivity, { params: { id: draft.id }, body: { coverUrl: ours } }, committee);
      expect(edited).toMatchObject({ status: 400, error: { code } });
      expect(ok(await t.call(routes.getActivity, { params: { id: draft.id } }, committee)).coverUrl).toBeNull();
    });
  });
});
