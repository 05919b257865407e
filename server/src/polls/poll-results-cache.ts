import { Inject, Injectable } from '@nestjs/common';
import type { PollResults } from '@linli/shared';
import { LRUCache } from 'lru-cache';
import { Clock } from '../clock/clock.js';
import { CacheInvalidator, cacheScope } from '../common/cache-invalidator.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

type Load = () => Promise<PollResults>;
/** Results and when their load began (what they show is at least that old), with CacheInvalidator's mark then. */
type Loaded = { results: PollResults; loadedAt: number; mark: number };

/**
 * While 20,000 ballots arrive in an hour, residents keep the results page open. Each poll's results (one version
 * for those who manage it, one for everyone else) are read once and served from memory for `RESULTS_CACHE_MS`
 * (a second by default), loaded once even when many ask together. Past the TTL, while people keep looking, the
 * last results are served at once while one reload runs, and for as long as it runs (in a surge it queues for a
 * connection behind the ballots): what is shown is then at most one TTL plus one reload old. Results older than
 * two TTLs with no reload under way (nobody looked for a while) are never served: that reader waits for the
 * reload. Ballots do not drop the cache (they would, every few milliseconds); closing, publishing and editing the
 * poll do once they commit (CacheInvalidator), and another instance's show within the TTL.
 */
@Injectable()
export class PollResultsCache {
  private readonly ttlMs: number;
  private readonly cache: LRUCache<string, Loaded> | null;
  /** The one load under way per key, with the mark it began at (a reader after a change does not join it). */
  private readonly loading = new Map<string, { mark: number; promise: Promise<Loaded> }>();

  constructor(
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'resultsCacheMs'>,
    private readonly invalidator: CacheInvalidator,
    private readonly clock: Clock,
  ) {
    this.ttlMs = config.resultsCacheMs;
    this.cache = config.resultsCacheMs > 0 ? new LRUCache<string, Loaded>({ max: 2000 }) : null;
  }

  async get(pollId: number, manager: boolean, load: Load): Promise<PollResults> {
    if (!this.cache) return load();
    const key = `${pollId}|${manager ? 'manager' : 'reader'}`;
    const cached = this.cache.get(key);
    const last = cached && this.invalidator.fresh([cacheScope.poll(pollId)], cached.mark) ? cached : undefined;
    if (!last) return (await this.load(key, load)).results;
    const age = this.clock.now().getTime() - last.loadedAt;
    if (age <= this.ttlMs) return last.results;
    const running = this.running(key);
    if (running) return last.results;
    const reload = this.load(key, load);
    if (age > 2 * this.ttlMs) return (await reload).results;
    reload.catch(() => undefined);
    return last.results;
  }

  private running(key: string): Promise<Loaded> | undefined {
    const running = this.loading.get(key);
    return running && running.mark === this.invalidator.mark() ? running.promise : undefined;
  }

  private load(key: string, load: Load): Promise<Loaded> {
    const running = this.running(key);
    if (running) return running;
    const mark = this.invalidator.mark();
    const loadedAt = this.clock.now().getTime();
    const promise = load()
      .then((results) => {
        const loaded = { results, loadedAt, mark };
        // A load that began before a newer one (after a change) does not overwrite what the newer one kept.
        if ((this.cache!.peek(key)?.mark ?? -1) <= mark) this.cache!.set(key, loaded);
        return loaded;
      })
      .finally(() => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
      });
    this.loading.set(key, { mark, promise });
    return promise;
  }
}
