import { Inject, Injectable } from '@nestjs/common';
import type { ErrorCode } from '@linli/shared';
import { sanitizeArticleHtml } from '../articles/article-html.js';
import { AppError } from '../common/app-error.js';
import { LOCAL_UPLOADS_PREFIX, type ImageStorage } from './image-storage.js';
import { IMAGE_STORAGE } from './uploads.service.js';
import { UploadsRepository } from './uploads.repository.js';

const STORED_NAME = /^([a-f0-9]{32})\/(?:body|cover|thumb)\.jpg$/;

/** Images of Linli's own storage: an address into it (this server's /uploads/, or the bucket) naming a recorded upload. */
@Injectable()
export class OwnImages {
  constructor(
    @Inject(IMAGE_STORAGE) private readonly storage: ImageStorage,
    private readonly uploads: UploadsRepository,
  ) {}

  /** The upload key an address names, when it points into our storage (as configured: never a request's Host). */
  keyOf(src: string): string | null {
    const prefixes = [this.storage.urlOf('')];
    if (this.storage.kind === 'local') prefixes.push(LOCAL_UPLOADS_PREFIX);
    for (const prefix of prefixes) {
      if (!src.startsWith(prefix)) continue;
      const match = STORED_NAME.exec(src.slice(prefix.length));
      if (match) return match[1];
    }
    return null;
  }

  async isOwn(src: string): Promise<boolean> {
    const key = this.keyOf(src);
    return key !== null && (await this.uploads.existingKeys([key])).has(key);
  }

  /** Every stored image address (a cover) goes through here: null stays null, anything not ours is refused with `code`. */
  async assertOwn(src: string | null | undefined, code: ErrorCode = 'IMAGE_NOT_OURS'): Promise<void> {
    if (src && !(await this.isOwn(src))) throw new AppError(code);
  }

  /** Sanitises an article body; images stay only where their address names an upload that exists. */
  async sanitize(html: string): Promise<string> {
    const offered = new Set<string>();
    sanitizeArticleHtml(html, () => false, (src) => {
      const key = this.keyOf(src);
      if (key) offered.add(key);
    });
    const known = await this.uploads.existingKeys([...offered]);
    return sanitizeArticleHtml(html, (src) => {
      const key = this.keyOf(src);
      return key !== null && known.has(key);
    });
  }
}
