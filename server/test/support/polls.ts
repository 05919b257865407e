import { routes, type CreatePoll, type CreatePollSchema } from '@linli/shared';
import { PollBallot } from '../../src/polls/poll-ballot.entity.js';
import { PollChoice } from '../../src/polls/poll-choice.entity.js';
import { PollParticipation } from '../../src/polls/poll-participation.entity.js';
import type { z } from 'zod';

/** What a caller may send: options without descriptions, defaults left out. */
type PollOverrides = Partial<z.input<typeof CreatePollSchema>>;
import { ok } from './expect-ok.js';
import type { TestApp } from './test-app.js';

const HOUR = 3600_000;

/**
 * A consultation open from an hour ago for two days (whole seconds: MySQL's datetime keeps no fractions), with
 * one single-choice question 同意/不同意/弃权 unless overridden.
 */
export function pollInput(t: TestApp, communityId: number, overrides: PollOverrides = {}) {
  const now = Math.floor(t.clock.now().getTime() / 1000) * 1000;
  const at = (ms: number) => new Date(now + ms).toISOString();
  return {
    communityId,
    title: '楼道加装照明',
    background: '<p>1栋楼道夜间太暗，居委会提议加装感应灯，费用由公共收益支出。</p>',
    questions: [{ title: '您是否同意加装感应灯？', options: [{ label: '同意' }, { label: '不同意' }, { label: '弃权' }] }],
    opensAt: at(-HOUR),
    closesAt: at(48 * HOUR),
    ...overrides,
  } as CreatePoll;
}

/** Creates and opens; returns the detail. */
export async function openPoll(t: TestApp, token: string, communityId: number, overrides: PollOverrides = {}) {
  const created = ok(await t.call(routes.createPoll, { body: pollInput(t, communityId, overrides) }, token));
  return ok(await t.call(routes.openPoll, { params: { id: created.id } }, token));
}

export interface TestResident {
  token: string;
  userId: number;
  householdId: number;
  name: string;
}

/**
 * `households` × `perHousehold` new verified residents of a community, in a building of their own: the census is
 * imported, then each resident logs in and claims their home under the listed name (approved at once).
 */
export async function verifiedResidents(
  t: TestApp,
  committee: string,
  communityId: number,
  options: { prefix: string; building: string; households: number; perHousehold?: number; openidPrefix?: string },
): Promise<TestResident[]> {
  const per = options.perHousehold ?? 1;
  const room = (h: number) => String(1000 + h);
  const lines = ['楼栋,单元,房号,姓名'];
  for (let h = 0; h < options.households; h++) {
    for (let p = 0; p < per; p++) lines.push(`${options.building},1单元,${room(h)},${options.prefix}${h}-${p}`);
  }
  ok(await t.call(routes.importCensus, { params: { id: communityId }, body: { csv: lines.join('\n') } }, committee));
  const households = ok(await t.call(routes.households, { params: { id: communityId }, query: { building: options.building } }, committee));
  const householdOf = new Map(households.items.map((h) => [h.room, h.id]));
  const out: TestResident[] = [];
  for (let h = 0; h < options.households; h += 25) {
    const batch = [];
    for (let k = h; k < Math.min(h + 25, options.households); k++) {
      for (let p = 0; p < per; p++) {
        batch.push(
          (async () => {
            const name = `${options.prefix}${k}-${p}`;
            const login = ok(await t.call(routes.devLogin, { body: { openid: `${options.openidPrefix ?? 'voter'}-${options.building.replace(/\W/g, '')}-${k}-${p}`, nickname: name } }));
            const householdId = householdOf.get(room(k))!;
            const claim = ok(await t.call(routes.createResidencyClaim, { body: { householdId, realName: name } }, login.token));
            if (claim.status !== 'approved') throw new Error(`claim of ${name} not approved by the census`);
            return { token: login.token, userId: login.me.id, householdId, name };
          })(),
        );
      }
    }
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

/** Answers choosing the option at `index` of every question. */
export function choose(poll: { questions: { id: number; options: { id: number }[] }[] }, index = 0) {
  return poll.questions.map((q) => ({ questionId: q.id, optionIds: [q.options[index].id] }));
}

/**
 * What must hold whatever happened: one participation row per ballot, one choice row per option each ballot
 * chose (a recount of the ballots' answers agrees with the choice rows), and the turnout shown equals both.
 */
export async function expectTalliesEqualBallots(t: TestApp, pollId: number) {
  const [ballots, choices, participation] = await t.db.run((em) =>
    Promise.all([em.findBy(PollBallot, { pollId }), em.findBy(PollChoice, { pollId }), em.findBy(PollParticipation, { pollId })]),
  );
  expect(participation).toHaveLength(ballots.length);
  const recount = new Map<number, number>();
  for (const b of ballots) {
    for (const a of JSON.parse(b.answers) as { optionIds: number[] }[]) for (const id of a.optionIds) recount.set(id, (recount.get(id) ?? 0) + 1);
  }
  const counted = new Map<number, number>();
  for (const c of choices) counted.set(c.optionId, (counted.get(c.optionId) ?? 0) + 1);
  expect([...counted].sort()).toEqual([...recount].sort());
  const ballotIds = new Set(ballots.map((b) => b.id));
  expect(choices.every((c) => ballotIds.has(c.ballotId))).toBe(true);
  return { ballots: ballots.length, paper: participation.filter((p) => p.channel === 'paper').length, participation };
}
