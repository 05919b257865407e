import { Inject, Injectable } from '@nestjs/common';
import type { ErrorCode } from '@linli/shared';
import { HtmlSanitizer } from '../articles/html-sanitizer.js';
import { AppError } from '../common/app-error.js';
import { candidateKeys, uploadKeyOf } from './image-address.js';
import { LOCAL_UPLOADS_PREFIX, type ImageStorage } from './image-storage.js';
import { IMAGE_STORAGE } from './uploads.service.js';
import { UploadsRepository } from './uploads.repository.js';

/**
 * How much longer than what may be stored a rich-text input may be before it is even parsed: pasted styles and
 * other dropped markup make the input longer than what is kept, but not without bound.
 */
const RAW_ALLOWANCE = 3;

/** What a sanitised rich text may take up when stored, and the code that says it is too long. */
export interface RichTextLimit {
  maxBytes: number;
  tooLong: ErrorCode;
}

/** Images of Linli's own storage: an address into it (this server's /uploads/, or the bucket) naming a recorded upload. */
@Injectable()
export class OwnImages {
  constructor(
    @Inject(IMAGE_STORAGE) private readonly storage: ImageStorage,
    private readonly uploads: UploadsRepository,
    private readonly sanitizer: HtmlSanitizer,
  ) {}

  /** Where our storage's addresses start: as configured (PUBLIC_URL or the bucket), never a request's Host. */
  private prefixes(): string[] {
    const prefixes = [this.storage.urlOf('')];
    if (this.storage.kind === 'local') prefixes.push(LOCAL_UPLOADS_PREFIX);
    return prefixes;
  }

  /** The upload key an address names, when it points into our storage. */
  keyOf(src: string): string | null {
    return uploadKeyOf(src, this.prefixes());
  }

  async isOwn(src: string): Promise<boolean> {
    const key = this.keyOf(src);
    return key !== null && (await this.uploads.existingKeys([key])).has(key);
  }

  /** Every stored image address (a cover) goes through here: null stays null, anything not ours is refused with `code`. */
  async assertOwn(src: string | null | undefined, code: ErrorCode = 'IMAGE_NOT_OURS'): Promise<void> {
    if (src && !(await this.isOwn(src))) throw new AppError(code);
  }

  /**
   * Sanitises rich text (an article body, a consultation's background); images stay only where their address names
   * an upload that exists. Length is checked before anything is parsed, nesting is bounded (CONTENT_TOO_COMPLEX),
   * and the parsing itself runs on a worker thread.
   */
  async sanitize(html: string, limit: RichTextLimit): Promise<string> {
    if (Buffer.byteLength(html) > limit.maxBytes * RAW_ALLOWANCE) throw new AppError(limit.tooLong);
    const known = await this.uploads.existingKeys(candidateKeys(html));
    const result = await this.sanitizer.run({ html, prefixes: this.prefixes(), knownKeys: [...known] });
    if ('tooComplex' in result) throw new AppError('CONTENT_TOO_COMPLEX');
    if (Buffer.byteLength(result.html) > limit.maxBytes) throw new AppError(limit.tooLong);
    return result.html;
  }
}
