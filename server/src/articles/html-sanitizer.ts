import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { sanitizeTask, type SanitizeResult, type SanitizeTask } from './rich-text-task.js';

/**
 * Runs the HTML sanitiser on worker threads (piscina), off the event loop: a 200 KB body takes a few hundred
 * milliseconds to clean, which on the main thread would hold up every other request (health checks included).
 * Run from TypeScript sources (jest) there is no compiled worker file to start, and the same function runs here.
 */
@Injectable()
export class HtmlSanitizer implements OnModuleDestroy {
  private readonly pool: Piscina<SanitizeTask, SanitizeResult> | null;

  constructor() {
    const worker = new URL('./html-worker.js', import.meta.url);
    this.pool = existsSync(fileURLToPath(worker))
      ? new Piscina({
          filename: worker.href,
          // Leave a core to the event loop.
          maxThreads: Math.max(1, availableParallelism() - 1),
          minThreads: 1,
          idleTimeout: 60_000,
        })
      : null;
  }

  /** Whether sanitising happens on worker threads (the built server) or in this thread (tests from sources). */
  get threaded(): boolean {
    return this.pool !== null;
  }

  run(task: SanitizeTask): Promise<SanitizeResult> {
    return this.pool ? this.pool.run(task) : Promise.resolve(sanitizeTask(task));
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
