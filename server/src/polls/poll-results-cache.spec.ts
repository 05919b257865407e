import type { PollResults } from '@linli/shared';
import { TestClock } from '../../test/support/test-clock.js';
import { CacheInvalidator, cacheScope } from '../common/cache-invalidator.js';
import type { Database } from '../database/database.js';
import { PollResultsCache } from './poll-results-cache.js';

/** No transaction here: CacheInvalidator's marks take effect at once. */
const noTransaction = { afterCommit: (effect: () => void) => effect() } as unknown as Database;

const results = (ballotsCast: number): PollResults => ({
  pollId: 1,
  phase: 'open',
  turnout: { ballotsCast, online: ballotsCast, paper: 0, eligible: 100, percent: ballotsCast },
  questions: null,
  hiddenReason: '投票结束后公布各选项票数',
  outcome: null,
});

function setup(resultsCacheMs: number) {
  const clock = new TestClock();
  const invalidator = new CacheInvalidator(noTransaction);
  return { clock, invalidator, cache: new PollResultsCache({ resultsCacheMs }, invalidator, clock) };
}

/** Lets a background reload finish. */
const settle = () => new Promise((r) => setImmediate(r));

describe('PollResultsCache', () => {
  it('reads a poll’s results once per TTL, however many ask at once, apart for managers and readers', async () => {
    const { cache } = setup(60_000);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return results(loads);
    };
    const read = await Promise.all(Array.from({ length: 50 }, () => cache.get(1, false, load)));
    expect(loads).toBe(1);
    expect(read.every((r) => r.turnout?.ballotsCast === 1)).toBe(true);
    expect((await cache.get(1, true, load)).turnout?.ballotsCast).toBe(2);
    expect((await cache.get(2, false, load)).turnout?.ballotsCast).toBe(3);
    expect((await cache.get(1, false, load)).turnout?.ballotsCast).toBe(1);
  });

  it('past the TTL serves the last results while reloading them; reads afresh once the poll changes', async () => {
    const { cache, clock, invalidator } = setup(1000);
    let loads = 0;
    const load = async () => results(++loads);
    await cache.get(1, false, load);
    clock.advance(1500);
    expect((await cache.get(1, false, load)).turnout?.ballotsCast).toBe(1);
    await settle();
    expect(loads).toBe(2);
    expect((await cache.get(1, false, load)).turnout?.ballotsCast).toBe(2);
    invalidator.changed(cacheScope.poll(2));
    expect((await cache.get(1, false, load)).turnout?.ballotsCast).toBe(2);
    invalidator.changed(cacheScope.poll(1));
    expect((await cache.get(1, false, load)).turnout?.ballotsCast).toBe(3);
  });

  it('after a quiet spell, never serves what is older than the promise: the reader waits for the reload', async () => {
    const { cache, clock } = setup(1000);
    let loads = 0;
    const load = async () => results(++loads);
    expect((await cache.get(1, false, load)).turnout?.ballotsCast).toBe(1);
    clock.advance(45_000);
    expect((await cache.get(1, false, load)).turnout?.ballotsCast).toBe(2);
    expect(loads).toBe(2);
  });

  it('while a slow reload runs, serves the last results at once, however old', async () => {
    const { cache, clock } = setup(1000);
    let loads = 0;
    let finishReload: () => void = () => undefined;
    const load = async () => {
      if (++loads > 1) await new Promise<void>((r) => (finishReload = r));
      return results(loads);
    };
    await cache.get(1, false, load);
    clock.advance(1500);
    expect((await cache.get(1, false, load)).turnout?.ballotsCast).toBe(1);
    // Past two TTLs, with the reload (queued behind the ballots) still running: no reader waits for it.
    clock.advance(1500);
    expect((await cache.get(1, false, load)).turnout?.ballotsCast).toBe(1);
    expect(loads).toBe(2);
    finishReload();
    await settle();
    expect((await cache.get(1, false, load)).turnout?.ballotsCast).toBe(2);
  });

  it('reads every time when turned off', async () => {
    let loads = 0;
    const load = async () => results(++loads);
    const { cache: off } = setup(0);
    await off.get(1, false, load);
    expect((await off.get(1, false, load)).turnout?.ballotsCast).toBe(2);
  });
});
