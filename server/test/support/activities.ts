import { routes, type CreateActivity } from '@linli/shared';
import { ok } from './expect-ok.js';
import type { TestApp } from './test-app.js';

const HOUR = 3600_000;

/** Community ids by name, from the seeded demo street. */
export async function communityIds(t: TestApp): Promise<Record<string, number>> {
  const { items } = ok(await t.call(routes.communities));
  return Object.fromEntries(items.map((c) => [c.name, c.id]));
}

export async function organisationIds(t: TestApp, token: string): Promise<Record<string, number>> {
  const { items } = ok(await t.call(routes.organisations, {}, token));
  return Object.fromEntries(items.map((o) => [o.name, o.id]));
}

/**
 * An activity whose sign-up is open now (whole seconds: MySQL's datetime keeps no fractions): sign-up closes
 * and cancelling ends in 2 days, it starts in 3 days and lasts 2 hours.
 */
export function activityInput(t: TestApp, communityId: number, overrides: Partial<CreateActivity> = {}) {
  const now = Math.floor(t.clock.now().getTime() / 1000) * 1000;
  const at = (ms: number) => new Date(now + ms).toISOString();
  return {
    communityId,
    title: '测试活动',
    category: 'culture_sports',
    place: '社区活动室',
    signupOpensAt: at(-HOUR),
    signupClosesAt: at(48 * HOUR),
    cancelDeadline: at(48 * HOUR),
    startsAt: at(72 * HOUR),
    endsAt: at(74 * HOUR),
    seats: 10,
    ...overrides,
  } as CreateActivity;
}

/** Creates and publishes; returns the detail. */
export async function publishedActivity(t: TestApp, token: string, communityId: number, overrides: Partial<CreateActivity> = {}) {
  const created = ok(await t.call(routes.createActivity, { body: activityInput(t, communityId, overrides) }, token));
  return ok(await t.call(routes.publishActivity, { params: { id: created.id } }, token));
}

export const HOURS = HOUR;

/** A sign-up as a later read returns it: MySQL's datetime keeps whole seconds, the answer that inserted it had milliseconds. */
export function asStored<S extends { createdAt: string }>(signup: S): S {
  return { ...signup, createdAt: new Date(Math.floor(Date.parse(signup.createdAt) / 1000) * 1000).toISOString() };
}
