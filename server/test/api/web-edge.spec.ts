import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../support/test-app.js';

const INLINE = '!function(){document.documentElement.style.fontSize="20px"}();';
const APP_JS = `console.log(${JSON.stringify('邻里'.repeat(2000))});`;

/** A small H5 build laid out as `taro build` + scripts/precompress.mjs leave it. */
function fakeH5Build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'linli-h5-'));
  mkdirSync(join(dir, 'js'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><script>${INLINE}</script><script defer src="/js/app.f6f32674.js"></script></head><body></body></html>`);
  writeFileSync(join(dir, 'js/app.f6f32674.js'), APP_JS);
  writeFileSync(join(dir, 'js/app.f6f32674.js.br'), brotliCompressSync(APP_JS));
  writeFileSync(join(dir, 'js/app.f6f32674.js.gz'), gzipSync(APP_JS));
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

function csp(response: Response): Map<string, string> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(header.split(';').map((d) => d.trim().split(/\s+(.*)/s).slice(0, 2) as [string, string]));
}

describe('security headers and static files', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = fakeH5Build();
    t = await createTestApp({ h5Dir: dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a CSP that allows our own scripts and only our own inline script, and forbids framing', async () => {
    const page = await fetch(`${t.base}/`);
    const policy = csp(page);
    const hash = createHash('sha256').update(INLINE).digest('base64');
    expect(policy.get('script-src')!.split(' ').slice(0, 3)).toEqual(["'self'", `'sha256-${hash}'`, "'unsafe-hashes'"]);
    expect(policy.get('script-src')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('default-src')).toBe("'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the same headers on API answers, errors included', async () => {
    for (const path of ['/api/health', '/api/no-such-route']) {
      const response = await fetch(`${t.base}${path}`);
      expect([path, response.headers.get('x-content-type-options'), csp(response).get('frame-ancestors')]).toEqual([path, 'nosniff', "'none'"]);
    }
  });

  it('serves the precompressed brotli or gzip file to browsers that accept it, cached for a year', async () => {
    const url = `${t.base}/js/app.f6f32674.js`;
    const br = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch decodes what it asked for; read the bytes as sent through node:http instead.
    const raw = async (encoding: string) => {
      const { request } = await import('node:http');
      return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject).end();
      });
    };
    const brotli = await raw('br');
    expect(brotli.body.length).toBeLessThan(Buffer.byteLength(APP_JS) / 5);
    expect(brotliDecompressSync(brotli.body).toString()).toBe(APP_JS);
    const gzip = await raw('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(APP_JS);
    const plain = await raw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(APP_JS);
  });

  it('serves the favicon, revalidated since its name carries no hash', async () => {
    const icon = await fetch(`${t.base}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('images in S3', () => {
  it('allows the bucket public address in img-src', async () => {
    const t = await createTestApp({
      uploads: {
        dir: '/nonexistent',
        s3: {
          bucket: 'linli',
          region: 'ap-shanghai',
          endpoint: null,
          accessKeyId: 'id',
          secretAccessKey: 'secret',
          forcePathStyle: false,
          publicUrl: 'https://img.linli.example/photos',
        },
      },
    });
    try {
      expect(csp(await fetch(`${t.base}/api/health`)).get('img-src')).toBe("'self' data: blob: https://img.linli.example");
    } finally {
      await t.close();
    }
  });
});
