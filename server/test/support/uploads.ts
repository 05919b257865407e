import { ApiErrorSchema, routes } from '@linli/shared';
import sharp from 'sharp';
import type { Reply, TestApp } from './test-app.js';

/** Posts one file as multipart/form-data, the way Taro.uploadFile and browsers send it. */
export async function uploadFile(
  t: TestApp,
  token: string | undefined,
  bytes: Buffer,
  { filename = 'photo.jpg', type = 'image/jpeg', field = 'file' }: { filename?: string; type?: string; field?: string } = {},
): Promise<Reply<typeof routes.uploadImage>> {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), filename);
  const response = await fetch(`${t.base}/api${routes.uploadImage.path}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const body = await response.json();
  if (response.status < 300) return { status: response.status as 201, body: routes.uploadImage.response.parse(body), headers: response.headers };
  const error = ApiErrorSchema.parse(body);
  return { status: response.status, body: error, error, headers: response.headers };
}

/** A test photo: a solid colour with a different corner, so crops are real images. */
export function photo(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#3a7bd5' } }).composite([
    { input: { create: { width: Math.ceil(width / 4), height: Math.ceil(height / 4), channels: 3, background: '#f0c419' } }, left: 0, top: 0 },
  ]);
}
