import type { MigrationInterface, QueryRunner } from 'typeorm';

type Block = { kind: 'text'; text: string } | { kind: 'image'; url: string; caption?: string };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescape = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity]);

/** The old background: a JSON list of blocks; null for anything else (already HTML). */
function blocksIn(background: string): Block[] | null {
  try {
    const parsed: unknown = JSON.parse(background);
    return Array.isArray(parsed) ? (parsed as Block[]) : null;
  } catch {
    return null;
  }
}

/** Paragraphs become `<p>`, pictures `<p><img></p>` with the caption as alt text. */
export function htmlOfBlocks(blocks: Block[]): string {
  return blocks
    .map((b) => (b.kind === 'text' ? `<p>${escape(b.text)}</p>` : `<p><img src="${escape(b.url)}" alt="${escape(b.caption ?? '')}" /></p>`))
    .join('');
}

/** Back to blocks: the words of each paragraph (heading, list item…) and each picture with its alt text; formatting is lost. */
export function blocksOfHtml(html: string): Block[] {
  return html.split(/<\/(?:p|h2|h3|h4|li|blockquote)>/).flatMap((part) => {
    const images = [...part.matchAll(/<img\b[^>]*>/g)].map(([tag]): Block => {
      const attribute = (name: string) => unescape(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '');
      return { kind: 'image', url: attribute('src'), caption: attribute('alt') };
    });
    const text = unescape(part.replace(/<[^>]*>/g, '')).trim();
    return [...images, ...(text ? [{ kind: 'text' as const, text }] : [])];
  });
}

/**
 * A consultation's background was a JSON list of paragraphs and pictures; it is now HTML, written with the
 * articles' editor and sanitised as their bodies are. Stored backgrounds are converted as they are: their words
 * escaped, their pictures kept (published polls never change; a draft is sanitised on its next save).
 */
export class PollBackgroundHtml1795318667000 implements MigrationInterface {
  name = 'PollBackgroundHtml1795318667000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.convert(queryRunner, (background) => {
      const blocks = blocksIn(background);
      return blocks ? htmlOfBlocks(blocks) : null;
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.convert(queryRunner, (background) => (blocksIn(background) ? null : JSON.stringify(blocksOfHtml(background))));
  }

  private async convert(queryRunner: QueryRunner, change: (background: string) => string | null): Promise<void> {
    const rows = (await queryRunner.query('SELECT `id`, `background` FROM `poll`')) as { id: number; background: string }[];
    for (const row of rows) {
      const next = change(row.background);
      if (next !== null) await queryRunner.query('UPDATE `poll` SET `background` = ? WHERE `id` = ?', [next, row.id]);
    }
  }
}
