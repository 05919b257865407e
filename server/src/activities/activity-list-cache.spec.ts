import type { ActivitySummary, Page } from '@linli/shared';
import { ActivityListCache } from './activity-list-cache.js';

const page = (total: number): Page<ActivitySummary> => ({ items: [], total, page: 1, pageSize: 20 });

describe('ActivityListCache', () => {
  const at = (ms: number) => new Date(Date.UTC(2026, 10, 22) + ms);

  it('reads a page once per slice of time, however many ask at once', async () => {
    const cache = new ActivityListCache({ listCacheMs: 1000 });
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return page(loads);
    };
    const pages = await Promise.all(Array.from({ length: 50 }, () => cache.get('k', at(100), load)));
    expect(loads).toBe(1);
    expect(pages.every((p) => p.total === 1)).toBe(true);
    expect((await cache.get('k', at(900), load)).total).toBe(1);
    // The next second is another slice: what is upcoming and each seat state depend on the time.
    expect((await cache.get('k', at(1100), load)).total).toBe(2);
    expect((await cache.get('other', at(1100), load)).total).toBe(3);
  });

  it('drops every page when an activity changes', async () => {
    const cache = new ActivityListCache({ listCacheMs: 1000 });
    let loads = 0;
    const load = async () => page(++loads);
    await cache.get('k', at(0), load);
    cache.invalidate();
    expect((await cache.get('k', at(0), load)).total).toBe(2);
  });

  it('reads every time when turned off', async () => {
    const cache = new ActivityListCache({ listCacheMs: 0 });
    let loads = 0;
    const load = async () => page(++loads);
    await cache.get('k', at(0), load);
    expect((await cache.get('k', at(0), load)).total).toBe(2);
  });
});
