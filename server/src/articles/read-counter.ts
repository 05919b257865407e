import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ArticlesRepository } from './articles.repository.js';

const FLUSH_EVERY_MS = 1000;
/** Rows per INSERT: well inside MySQL's placeholder and packet limits. */
const BATCH = 500;

interface Read {
  articleId: number;
  userId: number;
  day: string;
  at: Date;
}

/**
 * Records readers and keeps `article.readCount` in step without making a read wait for the database: a notice
 * shared into a group chat is opened by hundreds at once, and a write per read (or a bump of one counter row)
 * would queue them all. A read is noted in memory; once a second the notes are written as article_read rows
 * (INSERT IGNORE, whose primary key keeps one row per reader and day, across server instances) and the articles
 * read are recounted from their rows — exact, and right again after any crash. A crash loses at most the last
 * second's notes; counts shown may lag by about a second.
 */
@Injectable()
export class ReadCounter implements OnModuleDestroy {
  private readonly logger = new Logger('ReadCounter');
  private pending: Read[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly articles: ArticlesRepository) {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  read(articleId: number, userId: number, day: string, at: Date): void {
    this.pending.push({ articleId, userId, day, at });
  }

  /** Writes what is noted so far; one flush at a time. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.pending.length === 0) return;
    const reads = this.pending;
    this.pending = [];
    try {
      for (let i = 0; i < reads.length; i += BATCH) await this.articles.recordReads(reads.slice(i, i + BATCH));
      await this.articles.recountReads([...new Set(reads.map((r) => r.articleId))]);
    } catch (error) {
      // Nothing is lost: writing the same rows again changes nothing that was already written.
      this.pending = [...reads, ...this.pending];
      this.logger.warn({ err: error }, 'Recording article reads failed; trying again in a second');
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
