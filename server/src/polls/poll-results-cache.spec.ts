import type { PollResults } from '@linli/shared';
import { PollResultsCache } from './poll-results-cache.js';

const results = (ballotsCast: number): PollResults => ({
  pollId: 1,
  phase: 'open',
  turnout: { ballotsCast, online: ballotsCast, paper: 0, eligible: 100, percent: ballotsCast },
  questions: null,
  hiddenReason: '投票结束后公布各选项票数',
  outcome: null,
});

describe('PollResultsCache', () => {
  it('reads a poll’s results once per TTL, however many ask at once, apart for managers and readers', async () => {
    const cache = new PollResultsCache({ resultsCacheMs: 60_000 });
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

  it('past the TTL serves the last results while reloading them; reads afresh after closing or publishing', async () => {
    // Wide margins: past the TTL (500 ms) but well within the second TTL, however late a busy machine wakes us.
    const short = new PollResultsCache({ resultsCacheMs: 500 });
    let loads = 0;
    const load = async () => results(++loads);
    await short.get(1, false, load);
    await new Promise((r) => setTimeout(r, 550));
    expect((await short.get(1, false, load)).turnout?.ballotsCast).toBe(1);
    await new Promise((r) => setTimeout(r, 5));
    expect(loads).toBe(2);
    expect((await short.get(1, false, load)).turnout?.ballotsCast).toBe(2);
    short.invalidate();
    expect((await short.get(1, false, load)).turnout?.ballotsCast).toBe(3);
  });

  it('nobody looked for two TTLs and no reload under way → reloads before answering', async () => {
    const short = new PollResultsCache({ resultsCacheMs: 20 });
    let loads = 0;
    const load = async () => results(++loads);
    await short.get(1, false, load);
    await new Promise((r) => setTimeout(r, 60));
    expect((await short.get(1, false, load)).turnout?.ballotsCast).toBe(2);
  });

  it('while a slow reload runs, serves the last results at once, however old', async () => {
    const short = new PollResultsCache({ resultsCacheMs: 20 });
    let loads = 0;
    let finishReload: () => void = () => undefined;
    const load = async () => {
      if (++loads > 1) await new Promise<void>((r) => (finishReload = r));
      return results(loads);
    };
    await short.get(1, false, load);
    await new Promise((r) => setTimeout(r, 30));
    expect((await short.get(1, false, load)).turnout?.ballotsCast).toBe(1);
    // Past two TTLs, with the reload (queued behind the ballots) still running: no reader waits for it.
    await new Promise((r) => setTimeout(r, 30));
    expect((await short.get(1, false, load)).turnout?.ballotsCast).toBe(1);
    expect(loads).toBe(2);
    finishReload();
    await new Promise((r) => setTimeout(r, 5));
    expect((await short.get(1, false, load)).turnout?.ballotsCast).toBe(2);
  });

  it('reads every time when turned off', async () => {
    let loads = 0;
    const load = async () => results(++loads);

    const off = new PollResultsCache({ resultsCacheMs: 0 });
    await off.get(1, false, load);
    expect((await off.get(1, false, load)).turnout?.ballotsCast).toBe(2);
  });
});
