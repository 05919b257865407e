import type { UsersRepository } from '../users/users.repository.js';
import type { GrantScope } from './auth-context.js';
import { GrantsCache } from './grants-cache.js';

function repository(grants: Map<number, GrantScope[]>) {
  const calls: number[] = [];
  const users = {
    grantScopes: async (userId: number) => {
      calls.push(userId);
      await new Promise((r) => setTimeout(r, 5));
      return grants.get(userId) ?? null;
    },
  } as unknown as UsersRepository;
  return { users, calls };
}

describe('GrantsCache', () => {
  const committee: GrantScope = { role: 'committee_staff', streetId: null, communityId: 1, organisationId: null };

  it('asks the database once for many requests of one user, and remembers unknown users too', async () => {
    const { users, calls } = repository(new Map([[1, [committee]]]));
    const cache = new GrantsCache(users);
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.of(1)));
    expect(results.every((g) => g?.[0].role === 'committee_staff')).toBe(true);
    expect(await cache.of(2)).toBeNull();
    expect(await cache.of(2)).toBeNull();
    expect(calls).toEqual([1, 2]);
  });

  it('loads afresh at login and after forget', async () => {
    const grants = new Map<number, GrantScope[]>([[1, []]]);
    const { users, calls } = repository(grants);
    const cache = new GrantsCache(users);
    expect(await cache.of(1)).toEqual([]);
    grants.set(1, [committee]);
    expect(await cache.of(1)).toEqual([]);
    expect(await cache.reload(1)).toEqual([committee]);
    grants.set(1, []);
    cache.forget(1);
    expect(await cache.of(1)).toEqual([]);
    expect(calls).toEqual([1, 1, 1]);
  });
});
