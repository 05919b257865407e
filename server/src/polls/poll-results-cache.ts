import { Inject, Injectable } from '@nestjs/common';
import type { PollResults } from '@linli/shared';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

type Load = () => Promise<PollResults>;
type Loaded = { results: PollResults; loadedAt: number };

/**
 * While 20,000 ballots arrive in an hour, residents keep the results page open. Each poll's results (one version
 * for those who manage it, one for everyone else) are read once and served from memory for `RESULTS_CACHE_MS`
 * (a second by default), loaded once even when many ask together; once loaded, a reader never waits for a
 * database connection behind the ballots: past the TTL the last results are served while one reload runs, and
 * for as long as it runs (in a surge it queues for a connection behind the ballots, so it can take longer than
 * the TTL: the results shown are then at most one TTL plus one reload old). Only results older than two TTLs with
 * no reload under way (nobody looked for a while) are reloaded before answering. Ballots do not drop the cache
 * (they would, every few milliseconds); closing and publishing in this process do, and another instance's shows
 * within the TTL.
 */
@Injectable()
export class PollResultsCache {
  private generation = 0;
  private readonly cache: LRUCache<string, Loaded, Load> | null;
  private readonly ttlMs: number;
  private readonly reloading = new Set<string>();

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'resultsCacheMs'>) {
    this.ttlMs = config.resultsCacheMs;
    this.cache =
      config.resultsCacheMs > 0
        ? new LRUCache<string, Loaded, Load>({
            max: 2000,
            ttl: config.resultsCacheMs,
            // Past the TTL, readers get the last results at once while one of them reloads in the background.
            allowStale: true,
            allowStaleOnFetchRejection: true,
            fetchMethod: async (key, _stale, { context }) => {
              this.reloading.add(key);
              try {
                return { results: await context(), loadedAt: Date.now() };
              } finally {
                this.reloading.delete(key);
              }
            },
          })
        : null;
  }

  invalidate(): void {
    this.generation++;
  }

  async get(pollId: number, manager: boolean, load: Load): Promise<PollResults> {
    if (!this.cache) return load();
    const key = `${this.generation}|${pollId}|${manager ? 'manager' : 'reader'}`;
    let loaded = (await this.cache.fetch(key, { context: load }))!;
    if (Date.now() - loaded.loadedAt > 2 * this.ttlMs && !this.reloading.has(key)) loaded = (await this.cache.fetch(key, { context: load, forceRefresh: true, allowStale: false }))!;
    return loaded.results;
  }
}
