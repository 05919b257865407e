import { LRUCache } from 'lru-cache';
import type { CacheInvalidator } from './cache-invalidator.js';

/** The scopes (see CacheInvalidator) a value was read from: known before loading, or read off the loaded value. */
export type Scopes<T> = readonly string[] | ((value: T) => readonly string[]);

interface Entry<T> {
  value: T;
  slice: number;
  /** CacheInvalidator's mark when its load began, and the scopes it was read from. */
  mark: number;
  scopes: readonly string[];
}

/**
 * What many residents read at once (a community's activity list, its feed, an article) kept in memory for one
 * slice of time, `ttlMs` long: `now` picks the slice, so a page that depends on the time (what is upcoming, what
 * is published) is never older than its slice, and fake clocks in tests move it too. Loaded once per key however
 * many ask together. A value is served only while none of the scopes it was read from has changed since its load
 * began (CacheInvalidator: after the write's commit, per community). With `serveLastSlice`, a value from the
 * slice just past is still served while one reload runs in the background, so no reader waits for the database
 * when a slice turns. A TTL of 0 turns it off.
 */
export class SlicedCache<T extends object> {
  private readonly values: LRUCache<string, Entry<T>> | null;
  private readonly loading = new Map<string, { mark: number; promise: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly invalidator: CacheInvalidator,
    private readonly options: { max: number; serveLastSlice: boolean },
  ) {
    this.values = ttlMs > 0 ? new LRUCache({ max: options.max }) : null;
  }

  async get(key: string, scopes: Scopes<T>, now: Date, load: () => Promise<T>): Promise<T> {
    if (!this.values) return load();
    const slice = Math.floor(now.getTime() / this.ttlMs);
    const cached = this.values.get(key);
    const usable = cached && this.invalidator.fresh(cached.scopes, cached.mark) ? cached : undefined;
    if (usable && usable.slice === slice) return usable.value;
    const reload = this.load(key, slice, scopes, load);
    if (this.options.serveLastSlice && usable && usable.slice === slice - 1) {
      reload.catch(() => undefined);
      return usable.value;
    }
    return reload;
  }

  /**
   * One load per key at a time, joined only by readers who came before any change since it began; its result is
   * kept for the slice it was asked in.
   */
  private load(key: string, slice: number, scopes: Scopes<T>, load: () => Promise<T>): Promise<T> {
    const mark = this.invalidator.mark();
    const running = this.loading.get(key);
    if (running && running.mark === mark) return running.promise;
    const promise = load()
      .then((value) => {
        // A load that began before a newer one (after a change) does not overwrite what the newer one kept.
        if ((this.values!.peek(key)?.mark ?? -1) <= mark) {
          this.values!.set(key, { value, slice, mark, scopes: typeof scopes === 'function' ? scopes(value) : scopes });
        }
        return value;
      })
      .finally(() => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
      });
    this.loading.set(key, { mark, promise });
    return promise;
  }
}
