import { Inject, Injectable } from '@nestjs/common';
import { LOCAL_UPLOADS_PREFIX, type ImageStorage } from '../uploads/image-storage.js';
import { IMAGE_STORAGE } from '../uploads/uploads.service.js';
import { UploadsRepository } from '../uploads/uploads.repository.js';
import { sanitizeArticleHtml } from './article-html.js';

const STORED_NAME = /^([a-f0-9]{32})\/(?:body|cover|thumb)\.jpg$/;

/** Images of Linli's own storage: an address into it (this server's /uploads/, or the bucket) naming a recorded upload. */
@Injectable()
export class OwnImages {
  constructor(
    @Inject(IMAGE_STORAGE) private readonly storage: ImageStorage,
    private readonly uploads: UploadsRepository,
  ) {}

  /** The upload key an address names, when it points into our storage; `origin` is the requesting server's. */
  keyOf(src: string, origin: string): string | null {
    const prefixes = [this.storage.urlOf('', origin)];
    if (this.storage.kind === 'local') prefixes.push(LOCAL_UPLOADS_PREFIX);
    for (const prefix of prefixes) {
      if (!src.startsWith(prefix)) continue;
      const match = STORED_NAME.exec(src.slice(prefix.length));
      if (match) return match[1];
    }
    return null;
  }

  async isOwn(src: string, origin: string): Promise<boolean> {
    const key = this.keyOf(src, origin);
    return key !== null && (await this.uploads.existingKeys([key])).has(key);
  }

  /** Sanitises an article body; images stay only where their address names an upload that exists. */
  async sanitize(html: string, origin: string): Promise<string> {
    const offered = new Set<string>();
    sanitizeArticleHtml(html, () => false, (src) => {
      const key = this.keyOf(src, origin);
      if (key) offered.add(key);
    });
    const known = await this.uploads.existingKeys([...offered]);
    return sanitizeArticleHtml(html, (src) => {
      const key = this.keyOf(src, origin);
      return key !== null && known.has(key);
    });
  }
}
