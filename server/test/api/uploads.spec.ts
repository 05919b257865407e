import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { routes } from '@linli/shared';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { Upload } from '../../src/uploads/upload.entity.js';
import { startFakeS3 } from '../support/fake-s3.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { photo, uploadFile } from '../support/uploads.js';

const MB = 1024 * 1024;

async function fetchImage(url: string) {
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, meta: await sharp(bytes).metadata() };
}

/** Every file under a directory, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** Staff upload images: decoded, turned upright, stripped of metadata, resized, stored by content hash and recorded. */
describe('image uploads on local disk', () => {
  let t: TestApp;
  let dir: string;
  let committee: string;
  let resident: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-uploads-spec-'));
    t = await createTestApp({ uploads: { dir, s3: null } });
    [committee, resident] = await Promise.all([t.login('committee'), t.login('resident')]);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = () => t.db.run((em) => em.find(Upload, { order: { id: 'ASC' } }));

  it('stores a phone photo upright in three sizes with its GPS position and every other piece of EXIF removed', async () => {
    // Taken sideways: 1600×1200 pixels with "rotate 90°" in EXIF, plus where it was taken.
    const original = await photo(2000, 1200)
      .jpeg()
      .withExif({
        IFD0: { Make: 'Phone', Model: 'X1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const before = await sharp(original).metadata();
    expect(exifReader(before.exif!).GPSInfo).toMatchObject({ GPSLatitudeRef: 'N', GPSLongitudeRef: 'E' });

    const reply = await uploadFile(t, committee, original, { filename: 'IMG_0001.JPG' });

    expect(reply.status).toBe(201);
    const upload = ok(reply);
    expect(upload.key).toMatch(/^[0-9a-f]{32}$/);
    expect(upload).toMatchObject({ width: 960, height: 1600, url: upload.variants.body });
    expect(upload.variants).toEqual({
      body: `${t.base}/uploads/${upload.key}/body.jpg`,
      cover: `${t.base}/uploads/${upload.key}/cover.jpg`,
      thumb: `${t.base}/uploads/${upload.key}/thumb.jpg`,
    });
    const sizes = { body: [960, 1600], cover: [960, 540], thumb: [320, 320] };
    for (const [variant, [width, height]] of Object.entries(sizes)) {
      const { response, meta } = await fetchImage(upload.variants[variant as keyof typeof sizes]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(meta).toMatchObject({ format: 'jpeg', width, height });
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
    expect(filesUnder(dir)).toEqual([`${upload.key}/body.jpg`, `${upload.key}/cover.jpg`, `${upload.key}/thumb.jpg`]);

    const [row] = (await rows()).filter((r) => r.id === upload.id);
    const me = ok(await t.call(routes.me, {}, committee));
    expect(row).toMatchObject({ uploaderId: me.id, key: upload.key, mime: 'image/jpeg', width: 960, height: 1600 });
    expect(row.size).toBeGreaterThan(1000);
    const audit = await t.app.get(AuditRepository).list({ action: 'upload.create' });
    expect(audit.map((a) => a.targetId)).toContain(upload.id);
  });

  it('accepts PNG (transparency laid on white) and WebP, storing both as JPEG', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const webp = await photo(800, 600).webp().toBuffer();

    const fromPng = ok(await uploadFile(t, committee, png, { filename: 'poster.png', type: 'image/png' }));
    const fromWebp = ok(await uploadFile(t, committee, webp, { filename: 'photo.webp', type: 'image/webp' }));

    expect(fromPng).toMatchObject({ width: 300, height: 200 });
    expect(fromWebp).toMatchObject({ width: 800, height: 600 });
    const body = await fetchImage(fromPng.variants.body);
    expect(body.meta).toMatchObject({ format: 'jpeg', hasAlpha: false });
    const { channels } = await sharp(body.bytes).stats();
    expect(channels.slice(0, 3).map((c) => Math.round(c.mean))).toEqual([255, 255, 255]);
    expect((await fetchImage(fromWebp.variants.cover)).meta).toMatchObject({ format: 'jpeg', width: 800, height: 450 });
  });

  it('names files by their content: the same picture twice shares its files and is recorded twice', async () => {
    const bytes = await photo(640, 480).png().toBuffer();
    const first = ok(await uploadFile(t, committee, bytes, { type: 'image/png', filename: 'a.png' }));
    const second = ok(await uploadFile(t, committee, bytes, { type: 'image/png', filename: 'b.png' }));

    expect(second.key).toBe(first.key);
    expect(second.id).not.toBe(first.id);
    expect((await rows()).filter((r) => r.key === first.key)).toHaveLength(2);
  });

  it('refuses what is not a whole JPEG, PNG or WebP, whatever its name says, and stores nothing', async () => {
    const filesBefore = filesUnder(dir);
    const rowsBefore = (await rows()).length;
    const gif = await photo(100, 100).gif().toBuffer();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const jpeg = await photo(1200, 900).jpeg().toBuffer();

    const cases: [Buffer, string, number, string][] = [
      [Buffer.from('这不是图片，只是改了名字的文字文件\n'.repeat(50)), 'notes.jpg', 400, 'IMAGE_UNREADABLE'],
      [jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut-off.jpg', 400, 'IMAGE_UNREADABLE'],
      [gif, 'animation.jpg', 415, 'IMAGE_TYPE_UNSUPPORTED'],
      [svg, 'drawing.png', 415, 'IMAGE_TYPE_UNSUPPORTED'],
    ];
    for (const [bytes, filename, status, code] of cases) {
      const reply = await uploadFile(t, committee, bytes, { filename });
      expect({ filename, status: reply.status, code: reply.error?.code }).toEqual({ filename, status, code });
      expect(reply.error?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(filesUnder(dir)).toEqual(filesBefore);
    expect(await rows()).toHaveLength(rowsBefore);
  });

  it('refuses a file over 5 MB with its own code, and a picture too big to decode safely', async () => {
    const rowsBefore = (await rows()).length;
    const tooBig = Buffer.concat([await photo(64, 64).jpeg().toBuffer(), Buffer.alloc(5 * MB)]);

    const reply = await uploadFile(t, committee, tooBig);
    expect(reply.status).toBe(413);
    expect(reply.error).toMatchObject({ code: 'IMAGE_TOO_LARGE', message: '图片太大了，请选择 5MB 以内的照片' });

    // A few kilobytes that claim 10,000 × 10,000 pixels.
    const bomb = await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(5 * MB);
    expect((await uploadFile(t, committee, bomb, { type: 'image/png' })).error?.code).toBe('IMAGE_TOO_LARGE');
    expect(await rows()).toHaveLength(rowsBefore);
  });

  it('answers IMAGE_TOO_LARGE for a 400-megapixel PNG, as promised, however little it weighs', async () => {
    // A real 1×1 PNG whose header is rewritten to claim 20,000 × 20,000 pixels (its CRC recomputed): 70 bytes.
    const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer();
    const ihdr = png.subarray(12, 29); // chunk type + 13 bytes of data, which the CRC covers
    ihdr.writeUInt32BE(20_000, 4);
    ihdr.writeUInt32BE(20_000, 8);
    png.writeUInt32BE(crc32(ihdr), 29);
    const reply = await uploadFile(t, committee, png, { type: 'image/png' });
    expect(reply.status).toBe(413);
    expect(reply.error).toMatchObject({ code: 'IMAGE_TOO_LARGE', message: '图片太大了，请选择 5MB 以内的照片' });
  });

  it('says so when no image came, or the request was not a file upload', async () => {
    const jpeg = await photo(100, 100).jpeg().toBuffer();
    expect((await uploadFile(t, committee, jpeg, { field: 'picture' })).error?.code).toBe('IMAGE_MISSING');
    expect((await uploadFile(t, committee, Buffer.alloc(0))).error?.code).toBe('IMAGE_MISSING');
    const json = await fetch(`${t.base}/api/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${committee}`, 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'x' }),
    });
    expect(json.status).toBe(415);
    expect(await json.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('is for staff only', async () => {
    const jpeg = await photo(100, 100).jpeg().toBuffer();
    const asResident = await uploadFile(t, resident, jpeg);
    expect(asResident.status).toBe(403);
    expect(asResident.error?.code).toBe('FORBIDDEN');
    expect((await uploadFile(t, undefined, jpeg)).status).toBe(401);
  });

  it('documents the upload as multipart with one file in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${t.base}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { required: string[]; properties: Record<string, object> } }> } } }>;
    };
    const body = doc.paths['/api/uploads'].post.requestBody.content['multipart/form-data'].schema;
    expect(body.required).toEqual(['file']);
    expect(body.properties.file).toMatchObject({ type: 'string', format: 'binary', description: expect.stringContaining('5242880') });
  });

  it('answers a missing file with the usual 404', async () => {
    const response = await fetch(`${t.base}/uploads/0123456789abcdef0123456789abcdef/body.jpg`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });
});

describe('image uploads on S3-compatible storage', () => {
  let t: TestApp;
  let s3: Awaited<ReturnType<typeof startFakeS3>>;
  let dir: string;
  let committee: string;

  beforeAll(async () => {
    s3 = await startFakeS3();
    dir = mkdtempSync(join(tmpdir(), 'linli-uploads-s3-'));
    const bucket = { bucket: 'linli', region: 'ap-guangzhou', accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
    t = await createTestApp({
      uploads: { dir, s3: { ...bucket, endpoint: s3.url, forcePathStyle: true, publicUrl: 'https://img.example.com' } },
    });
    committee = await t.login('committee');
  });
  afterAll(async () => {
    await t.close();
    await s3.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts the three sizes in the bucket, signed, typed and cacheable, and answers with the public addresses', async () => {
    const upload = ok(await uploadFile(t, committee, await photo(1000, 800).jpeg().toBuffer()));

    expect(upload.variants.cover).toBe(`https://img.example.com/${upload.key}/cover.jpg`);
    expect([...s3.objects.keys()].sort()).toEqual(['body', 'cover', 'thumb'].map((v) => `/linli/${upload.key}/${v}.jpg`));
    for (const object of s3.objects.values()) {
      expect(object.headers).toMatchObject({ 'content-type': 'image/jpeg', 'cache-control': 'public, max-age=31536000, immutable' });
      expect(object.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/ap-guangzhou\/s3\//);
      expect((await sharp(object.bytes).metadata()).format).toBe('jpeg');
    }
    expect(readdirSync(dir)).toEqual([]);
    expect((await fetch(`${t.base}/uploads/${upload.key}/cover.jpg`)).status).toBe(404);
  });

  it('says storage is unavailable when the bucket fails, and records nothing', async () => {
    const before = await t.db.run((em) => em.count(Upload));
    s3.fail(true);
    try {
      const reply = await uploadFile(t, committee, await photo(500, 500).jpeg().toBuffer());
      expect(reply.status).toBe(503);
      expect(reply.error?.code).toBe('STORAGE_UNAVAILABLE');
    } finally {
      s3.fail(false);
    }
    expect(await t.db.run((em) => em.count(Upload))).toBe(before);
  });
});
