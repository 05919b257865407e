import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Upload } from '@linli/shared';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { processImage } from './image-processing.js';
import type { ImageStorage } from './image-storage.js';
import { UploadsRepository } from './uploads.repository.js';

export const IMAGE_STORAGE = Symbol('IMAGE_STORAGE');
const STORED_TYPE = 'image/jpeg';

/** Staff upload images (covers, article pictures): checked, resized, stripped of metadata, stored, recorded. */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger('Uploads');

  constructor(
    private readonly db: Database,
    private readonly uploads: UploadsRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    @Inject(IMAGE_STORAGE) private readonly storage: ImageStorage,
  ) {}

  /** Every size is made before anything is stored, and the row is written only once every file is in place. */
  async upload(auth: AuthContext, input: Buffer): Promise<Upload> {
    const image = await processImage(input);
    const nameOf = (variant: string) => `${image.key}/${variant}.jpg`;
    try {
      await Promise.all(image.files.map((f) => this.storage.put(nameOf(f.variant), f.bytes, STORED_TYPE)));
    } catch (cause) {
      this.logger.error({ err: cause, storage: this.storage.kind }, 'Storing an upload failed');
      throw new AppError('STORAGE_UNAVAILABLE', { cause });
    }
    const body = image.files.find((f) => f.variant === 'body')!;
    const id = await this.db.transaction(async () => {
      const uploadId = await this.uploads.insert({
        uploaderId: auth.userId,
        key: image.key,
        mime: STORED_TYPE,
        size: body.bytes.length,
        width: body.width,
        height: body.height,
        createdAt: this.clock.now(),
      });
      await this.audit.append({
        actorId: auth.userId,
        action: 'upload.create',
        communityId: null,
        targetType: 'upload',
        targetId: uploadId,
        detail: { key: image.key },
      });
      return uploadId;
    });
    const url = (variant: string) => this.storage.urlOf(nameOf(variant));
    return {
      id,
      key: image.key,
      url: url('body'),
      variants: { body: url('body'), cover: url('cover'), thumb: url('thumb') },
      width: body.width,
      height: body.height,
    };
  }
}
