import { routes, type Persona } from '@linli/shared';
import { ok } from './expect-ok.js';
import { createTestApp, type TestApp } from './test-app.js';

export interface HelpCast {
  tokens: Record<Persona, string>;
  ids: Record<Persona, number>;
  /** Each resident persona's own household. */
  homes: Partial<Record<Persona, number>>;
  communities: { xingfuli: number; chunhui: number; changqing: number };
  organisations: { qihang: number; jinguo: number; changqingAssociation: number };
}

const PERSONAS: Persona[] = ['resident', 'resident2', 'volunteer', 'newcomer', 'committee', 'street-admin', 'social-worker', 'org-staff'];

/** Every seeded persona logged in, with their ids, homes, and the communities and organisations the help tests use. */
export async function helpCast(t: TestApp): Promise<HelpCast> {
  const tokens = Object.fromEntries(await Promise.all(PERSONAS.map(async (p) => [p, await t.login(p)] as const))) as Record<Persona, string>;
  const ids = {} as Record<Persona, number>;
  const homes: Partial<Record<Persona, number>> = {};
  for (const p of PERSONAS) {
    const me = ok(await t.call(routes.me, {}, tokens[p]));
    ids[p] = me.id;
    if (me.residencies[0]) homes[p] = me.residencies[0].household.id;
  }
  const communityList = ok(await t.call(routes.communities)).items;
  const community = (name: string) => communityList.find((c) => c.name === name)!.id;
  const organisationList = ok(await t.call(routes.organisations)).items;
  const organisation = (name: string) => organisationList.find((o) => o.name === name)!.id;
  return {
    tokens,
    ids,
    homes,
    communities: { xingfuli: community('幸福里社区'), chunhui: community('春晖园社区'), changqing: community('长青里社区') },
    organisations: {
      qihang: organisation('启航社会工作服务中心'),
      jinguo: organisation('和平街道巾帼志愿服务队'),
      changqingAssociation: organisation('长青老年协会'),
    },
  };
}

/** Some household of a community other than the caller's own. */
export async function householdOf(t: TestApp, token: string, communityId: number, index = 0): Promise<number> {
  return ok(await t.call(routes.households, { params: { id: communityId } }, token)).items[index].id;
}

/** One app for a spec file, with the cast logged in; read `t` and `c` inside tests (they are set in beforeAll). */
export function helpApp(): { t: TestApp; c: HelpCast } {
  const app = {} as { t: TestApp; c: HelpCast };
  beforeAll(async () => {
    app.t = await createTestApp();
    app.c = await helpCast(app.t);
  });
  afterAll(() => app.t.close());
  return app;
}
