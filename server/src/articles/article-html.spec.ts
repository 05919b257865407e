import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, HtmlTooComplex, MAX_HTML_DEPTH, SAFE_HREF, sanitizeArticleHtml, textOf } from './article-html.js';

const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/xss-payloads.json', import.meta.url), 'utf8')) as {
  payloads: { kind: string; html: string }[];
};

const OWN = 'http://127.0.0.1:3000/uploads/0123456789abcdef0123456789abcdef/body.jpg';
const ownOnly = (src: string) => src === OWN;

/** Every element and attribute of `html` as a browser's parser sees them (entities decoded). */
function elementsOf(html: string): { tag: string; attribs: Record<string, string> }[] {
  const found: { tag: string; attribs: Record<string, string> }[] = [];
  const parser = new Parser({ onopentag: (tag, attribs) => found.push({ tag, attribs }) }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  return found;
}

describe('article HTML sanitiser', () => {
  it('has a payload of every kind in the OWASP XSS cheat sheets', () => {
    expect(fixture.payloads.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(fixture.payloads.map((p) => p.kind));
    for (const kind of ['script', 'event handler', 'javascript url', 'vbscript url', 'data url', 'svg', 'math', 'iframe', 'object', 'embed', 'style', 'meta refresh', 'base href', 'form action', 'srcset', 'attribute breaking']) {
      expect(kinds).toContain(kind);
    }
  });

  it.each(fixture.payloads.map((p) => [p.kind, p.html]))('%s: %s leaves only allowed, inert markup', (_kind, html) => {
    const clean = sanitizeArticleHtml(html, ownOnly);
    for (const { tag, attribs } of elementsOf(clean)) {
      expect(ALLOWED_TAGS).toContain(tag);
      for (const [name, value] of Object.entries(attribs)) {
        expect(ALLOWED_ATTRIBUTES[tag] ?? []).toContain(name);
        if (name === 'href') expect(value).toMatch(SAFE_HREF);
        if (name === 'src') expect(value).toBe(OWN);
      }
    }
    expect(clean).not.toMatch(/<\s*(script|style|iframe|object|embed|svg|math|meta|base|form|link|frame)/i);
    expect(clean).not.toMatch(/\son[a-z]+\s*=/i);
    expect(clean).not.toMatch(/(java|vb|live)script:|data:(text|image)/i);
    // Sanitising is stable: what is stored comes back the same when sanitised again.
    expect(sanitizeArticleHtml(clean, ownOnly)).toBe(clean);
  });

  it('keeps what an article is made of: headings, paragraphs, bold, lists, links and our own images', () => {
    const html =
      '<h1>重阳节活动回顾</h1><p>今天<strong>120 位</strong>老人参加。<em>谢谢</em>志愿者！</p>' +
      '<ul><li>包饺子</li><li>量血压</li></ul><ol><li>第一</li></ol>' +
      `<p><img src="${OWN}" alt="合影"></p>` +
      '<p><a href="https://www.gov.cn/zhengce/">政策原文</a> <a href="/packages/activity/detail/index?id=12">报名下次活动</a></p>';
    expect(sanitizeArticleHtml(html, ownOnly)).toBe(
      '<h2>重阳节活动回顾</h2><p>今天<strong>120 位</strong>老人参加。<em>谢谢</em>志愿者！</p>' +
        '<ul><li>包饺子</li><li>量血压</li></ul><ol><li>第一</li></ol>' +
        `<p><img src="${OWN}" alt="合影" /></p>` +
        '<p><a href="https://www.gov.cn/zhengce/" rel="noopener noreferrer">政策原文</a> ' +
        '<a href="/packages/activity/detail/index?id=12" rel="noopener noreferrer">报名下次活动</a></p>',
    );
  });

  it('drops images from anywhere but our storage, and links to anything but the web and Linli pages', () => {
    const clean = sanitizeArticleHtml(
      '<p><img src="https://evil.example/a.jpg">图<a href="javascript:alert(1)">链接</a><a href="tel:110">电话</a></p>',
      ownOnly,
    );
    expect(clean).toBe('<p>图链接电话</p>');
  });

  it('drops the empty emphasis an editor leaves behind', () => {
    expect(sanitizeArticleHtml('<p>请带<b>围裙</b><b></b><strong> </strong></p>', ownOnly)).toBe('<p>请带<b>围裙</b></p>');
  });

  it('tells words from markup', () => {
    expect(textOf('<p> <br /></p><h2>&nbsp;</h2>')).toBe('');
    expect(textOf('<p>有字</p>')).toBe('有字');
  });

  it('gives up as soon as elements nest deeper than MAX_HTML_DEPTH, however long the body', () => {
    const deep = (n: number) => '<b>x'.repeat(n) + '</b>'.repeat(n);
    expect(sanitizeArticleHtml(deep(MAX_HTML_DEPTH), ownOnly)).toBe(`<b>${'x<b>'.repeat(MAX_HTML_DEPTH - 1)}x${'</b>'.repeat(MAX_HTML_DEPTH)}`);
    expect(() => sanitizeArticleHtml(deep(MAX_HTML_DEPTH + 1), ownOnly)).toThrow(HtmlTooComplex);
    expect(() => textOf(deep(MAX_HTML_DEPTH + 1))).toThrow(HtmlTooComplex);
    // Void elements and siblings do not add depth.
    expect(sanitizeArticleHtml('<p>a<br>b</p>'.repeat(5000), ownOnly)).toContain('<p>a<br />b</p>');
  });
});
