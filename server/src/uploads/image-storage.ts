import { randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { AppConfig, S3Config } from '../config/config.js';

/** Names are content hashes, so a stored file never changes: caches may keep it for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Where the server itself serves local uploads. */
export const LOCAL_UPLOADS_PREFIX = '/uploads/';

/** Where uploaded images live. Local disk by default; any S3-compatible store (Tencent COS, MinIO) when configured. */
export interface ImageStorage {
  readonly kind: 'local' | 's3';
  /** Stores `bytes` under `name`; a name already stored is left as it is (same name, same bytes). */
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The address browsers fetch `name` from: configured (PUBLIC_URL, or the bucket's), never taken from a request. */
  urlOf(name: string): string;
}

export class LocalImageStorage implements ImageStorage {
  readonly kind = 'local';

  constructor(
    readonly dir: string,
    private readonly publicUrl: string,
  ) {}

  async put(name: string, bytes: Buffer): Promise<void> {
    const path = join(this.dir, name);
    if (await exists(path)) return;
    await mkdir(dirname(path), { recursive: true });
    // Written aside, then renamed into place: a reader never sees half a file, a crash leaves no broken one.
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  urlOf(name: string): string {
    return `${this.publicUrl}${LOCAL_UPLOADS_PREFIX}${name}`;
  }
}

export class S3ImageStorage implements ImageStorage {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint && { endpoint: config.endpoint }),
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // S3-compatible stores (COS, older MinIO) reject the newer default checksum headers: send them only when required.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async put(name: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: name,
        Body: bytes,
        ContentType: contentType,
        CacheControl: IMMUTABLE_CACHE_CONTROL,
      }),
    );
  }

  urlOf(name: string): string {
    return `${this.config.publicUrl}/${name}`;
  }
}

export function createImageStorage({ uploads, publicUrl }: Pick<AppConfig, 'uploads' | 'publicUrl'>): ImageStorage {
  return uploads.s3 ? new S3ImageStorage(uploads.s3) : new LocalImageStorage(uploads.dir, publicUrl);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
