import sanitizeHtml from 'sanitize-html';

/** The HTML an article body may keep. Everything else is dropped; text inside dropped tags stays as text. */
export const ALLOWED_TAGS = ['h2', 'h3', 'h4', 'p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'blockquote', 'a', 'img'] as const;
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = { a: ['href', 'rel'], img: ['src', 'alt'] };

const EMPHASIS = new Set(['strong', 'b', 'em', 'i', 'u']);

/**
 * How deep elements may nest. Real bodies stay under ten levels; past that the parser's work grows with depth × length
 * (its open-element stack is searched and shifted on every tag), so a body of 66,000 `<b>` took seconds.
 */
export const MAX_HTML_DEPTH = 32;

/** Thrown (and the parse abandoned at once) when a body nests deeper than MAX_HTML_DEPTH. */
export class HtmlTooComplex extends Error {
  constructor() {
    super(`HTML nests deeper than ${MAX_HTML_DEPTH} elements`);
  }
}

/** Counts open elements and gives up as soon as there are too many: the cost of a refusal stays tiny. */
function depthGuard(): Pick<sanitizeHtml.IOptions, 'onOpenTag' | 'onCloseTag'> {
  let depth = 0;
  return {
    onOpenTag: () => {
      if (++depth > MAX_HTML_DEPTH) throw new HtmlTooComplex();
    },
    onCloseTag: () => {
      depth--;
    },
  };
}

/** Links go out to the web over http(s), or to a Linli page (an activity or a consultation) by its path. */
export const SAFE_HREF = /^(?:https?:\/\/[a-z0-9.-]+(?::\d+)?(?:[/?#][^\s"'<>`\\]*)?|\/packages\/(?:activity\/detail|poll\/detail)\/index\?id=\d+)$/i;

/**
 * Reduces `html` to the allowlist: no scripts, styles, event handlers, frames, forms or embedded documents; links
 * only as SAFE_HREF; images only when `allowImage(src)` says the address is one of Linli's own uploads.
 * `seenImage` hears every image address offered, so the caller can look the uploads up before a final pass.
 */
export function sanitizeArticleHtml(html: string, allowImage: (src: string) => boolean, seenImage?: (src: string) => void): string {
  // A link that may not stay keeps its words only. (Transforming it into a disallowed tag instead makes
  // sanitize-html close the wrong element.) The output is well-formed and links never nest, so this is exact.
  return clean(html, allowImage, seenImage).replace(/<a>([\s\S]*?)<\/a>/g, '$1');
}

function clean(html: string, allowImage: (src: string) => boolean, seenImage?: (src: string) => void): string {
  return sanitizeHtml(html, {
    ...depthGuard(),
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https'],
    allowedSchemesByTag: {},
    allowProtocolRelative: false,
    allowedStyles: {},
    disallowedTagsMode: 'discard',
    // Their text is code or markup, never words for residents.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'xmp', 'noembed', 'noframes', 'template', 'iframe', 'object', 'svg', 'math'],
    parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
    transformTags: {
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      div: 'p',
      a: (tagName, attribs) => {
        const href = (attribs.href ?? '').trim();
        const kept: Record<string, string> = SAFE_HREF.test(href) ? { href, rel: 'noopener noreferrer' } : {};
        return { tagName, attribs: kept };
      },
      img: (tagName, attribs) => {
        const src = (attribs.src ?? '').trim();
        seenImage?.(src);
        const alt = (attribs.alt ?? '').slice(0, 100);
        const kept: Record<string, string> = src && allowImage(src) ? { src, alt } : {};
        return { tagName, attribs: kept };
      },
    },
    // Images that lost their address, and empty emphasis an editor leaves behind.
    exclusiveFilter: (frame) =>
      (frame.tag === 'img' && !frame.attribs.src) || (EMPHASIS.has(frame.tag) && !frame.text.trim() && frame.mediaChildren.length === 0),
  });
}

/** The words of a body, without markup: whether there is anything to read. */
export function textOf(html: string): string {
  return sanitizeHtml(html, { ...depthGuard(), allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, '');
}
