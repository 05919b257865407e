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
 * database connection behind the ballots: results up to one more TTL old are served while one reload runs;
 * anything older (nobody looked for a while) is reloaded first. Ballots do not drop the cache (they would, every
 * few milliseconds); closing and publishing in this process do, and another instance's shows within the TTL.
 */
@Injectable()
export class PollResultsCache {
  private generation = 0;
  private readonly cache: LRUCache<string, Loaded, Load> | null;
  private readonly ttlMs: number;

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
            fetchMethod: async (_key, _stale, { context }) => ({ results: await context(), loadedAt: Date.now() }),
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
    if (Date.now() - loaded.loadedAt > 2 * this.ttlMs) loaded = (await this.cache.fetch(key, { context: load, forceRefresh: true, allowStale: false }))!;
    return loaded.results;
  }
}
