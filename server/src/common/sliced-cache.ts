import { LRUCache } from 'lru-cache';

/**
 * What many residents read at once (a community's activity list, its feed, an article) kept in memory for one
 * slice of time, `ttlMs` long: `now` picks the slice, so a page that depends on the time (what is upcoming, what
 * is published) is never older than its slice, and fake clocks in tests move it too. Loaded once per key however
 * many ask together. `invalidate` (every write the page shows) moves the generation, and nothing cached before
 * it is served again. With `serveLastSlice`, a value from the slice just past is still served while one reload
 * runs in the background, so no reader waits for the database when a slice turns. A TTL of 0 turns it off.
 */
export class SlicedCache<T extends object> {
  private generation = 0;
  private readonly values: LRUCache<string, { value: T; slice: number }> | null;
  private readonly loading = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly options: { max: number; serveLastSlice: boolean },
  ) {
    this.values = ttlMs > 0 ? new LRUCache({ max: options.max }) : null;
  }

  invalidate(): void {
    this.generation++;
  }

  /** Moves on every `invalidate`: caches whose pages also show this one's content put it in their keys. */
  get version(): number {
    return this.generation;
  }

  async get(key: string, now: Date, load: () => Promise<T>): Promise<T> {
    if (!this.values) return load();
    const slice = Math.floor(now.getTime() / this.ttlMs);
    const full = `${this.generation}|${key}`;
    const cached = this.values.get(full);
    if (cached && cached.slice === slice) return cached.value;
    const reload = this.load(full, slice, load);
    if (this.options.serveLastSlice && cached && cached.slice === slice - 1) {
      reload.catch(() => undefined);
      return cached.value;
    }
    return reload;
  }

  /** One load per key at a time; its result is kept for the slice it was asked in. */
  private load(key: string, slice: number, load: () => Promise<T>): Promise<T> {
    const running = this.loading.get(key);
    if (running) return running;
    const promise = load()
      .then((value) => {
        this.values!.set(key, { value, slice });
        return value;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }
}
