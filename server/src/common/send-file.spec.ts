import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { sendFile } from './send-file.js';

/** The headers sendFile sets, read back from a reply that only records them. */
async function headersOf(filename: string, fallback: string) {
  const headers: Record<string, string> = {};
  let sent: unknown;
  const reply = {
    header(name: string, value: string) {
      headers[name] = value;
      return reply;
    },
    send(body: unknown) {
      sent = body;
      return reply;
    },
  };
  await sendFile(reply as unknown as FastifyReply, { filename, contentType: 'text/csv; charset=utf-8', body: Buffer.from('a,b') }, fallback);
  return { headers, sent };
}

describe('sendFile', () => {
  it('names the file per RFC 6266/5987 with an ASCII fallback, forbids sniffing and caching', async () => {
    const { headers, sent } = await headersOf('老年人智能手机课堂-报名名单.csv', 'signups-7.csv');
    expect(headers['content-disposition']).toBe(`attachment; filename="signups-7.csv"; filename*=UTF-8''${encodeURIComponent('老年人智能手机课堂-报名名单.csv')}`);
    expect(headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('private, no-store');
    expect(sent).toEqual(Buffer.from('a,b'));
  });

  it('keeps a hostile title (quotes, a line break, a header of its own) inside the encoded name', async () => {
    const { headers } = await headersOf('活动"; filename="x.exe\r\nSet-Cookie: a=b (1)\'*!.csv', 'signups-7.csv');
    const disposition = headers['content-disposition'];
    // RFC 5987 attr-char and percent-escapes only: nothing that could end the value or the header.
    expect(disposition).toMatch(/^attachment; filename="signups-7\.csv"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]+$/);
    expect(decodeURIComponent(disposition.split("''")[1])).toBe('活动"; filename="x.exe\r\nSet-Cookie: a=b (1)\'*!.csv');
  });

  it('is the only place a download is named', () => {
    const src = join(import.meta.dirname, '..');
    const naming = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .filter((f) => /content-disposition/i.test(readFileSync(join(src, f), 'utf8')));
    expect(naming).toEqual([join('common', 'send-file.ts')]);
  });
});
