import { uploadKeyOf } from '../uploads/image-address.js';
import { HtmlTooComplex, sanitizeArticleHtml } from './article-html.js';

/** One sanitising job, as plain data so that it can cross into a worker thread. */
export interface SanitizeTask {
  html: string;
  /** Where our storage's addresses start (PUBLIC_URL/uploads/, the bucket's address, /uploads/). */
  prefixes: string[];
  /** Upload keys that exist: only images naming one of them stay. */
  knownKeys: string[];
}

export type SanitizeResult = { html: string } | { tooComplex: true };

/** The articles' sanitiser with images kept only when they name a known upload under one of the prefixes. */
export function sanitizeTask({ html, prefixes, knownKeys }: SanitizeTask): SanitizeResult {
  const known = new Set(knownKeys);
  try {
    return {
      html: sanitizeArticleHtml(html, (src) => {
        const key = uploadKeyOf(src, prefixes);
        return key !== null && known.has(key);
      }),
    };
  } catch (error) {
    if (error instanceof HtmlTooComplex) return { tooComplex: true };
    throw error;
  }
}
