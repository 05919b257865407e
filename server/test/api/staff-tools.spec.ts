import { routes, staffTools, staffToolsFor, type Persona, type StaffToolKey } from '@linli/shared';
import { communityIds } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type Reply, type TestApp } from '../support/test-app.js';

/**
 * The 工作台 offers each person the tools of shared's staffToolsFor. Here every seeded staff persona opens the
 * list behind each tool it is offered, against the real server: none may answer 403 (a social worker was offered
 * 审核住户认证 and told 这不在您负责的范围内). A tool not offered is refused or has nothing in it for them.
 */
describe('staff tools match what the server allows', () => {
  let t: TestApp;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp();
    home = (await communityIds(t))['幸福里社区'];
  });
  afterAll(() => t.close());

  /** The request each tool's page opens with. */
  const probes: Record<StaffToolKey, (token: string) => Promise<Reply<never>>> = {
    activities: (tk) => t.call(routes.listActivities, { query: { manage: 'true' } }, tk) as never,
    polls: (tk) => t.call(routes.listPolls, { query: { manage: 'true' } }, tk) as never,
    articles: (tk) => t.call(routes.listArticles, { query: { manage: 'true' } }, tk) as never,
    claims: (tk) => t.call(routes.listResidencyClaims, { query: {} }, tk) as never,
    managed: (tk) => t.call(routes.listManagedResidents, { query: {} }, tk) as never,
    organisations: (tk) => t.call(routes.organisationRegistry, { query: {} }, tk) as never,
    orgApplications: (tk) => t.call(routes.listOrganisationApplications, { query: {} }, tk) as never,
    people: (tk) => t.call(routes.listGrants, { query: {} }, tk) as never,
    communities: (tk) =>
      t.call(routes.importHouseholds, { params: { id: home }, query: { dryRun: 'true' }, body: { csv: '1栋,1单元,101' } }, tk) as never,
    auditLog: (tk) => t.call(routes.auditLog, { query: {} }, tk) as never,
    stats: (tk) => t.call(routes.statsOverview, { query: {} }, tk) as never,
    wechatSends: (tk) => t.call(routes.failedWechatSends, { query: {} }, tk) as never,
    moderation: (tk) => t.call(routes.heldContent, { params: { id: home } }, tk) as never,
    services: (tk) => t.call(routes.listServiceContracts, { query: {} }, tk) as never,
    servicePoints: (tk) => t.call(routes.servicePoints, { query: {} }, tk) as never,
    serviceRequests: (tk) => t.call(routes.listServiceRequests, { query: { view: 'community' } }, tk) as never,
    wishes: (tk) => t.call(routes.listWishes, { query: { view: 'staff' } }, tk) as never,
  };

  const staff: Persona[] = ['committee', 'street-admin', 'social-worker', 'org-staff'];

  it.each(staff)('%s: every tool offered opens, every other is refused or empty', async (persona) => {
    const token = await t.login(persona);
    const me = ok(await t.call(routes.me, {}, token));
    const offered = new Set(staffToolsFor(me.grants).map((tool) => tool.key));
    expect(offered.size).toBeGreaterThan(0);
    for (const tool of staffTools) {
      const reply = await probes[tool.key](token);
      if (offered.has(tool.key)) {
        expect({ tool: tool.key, status: reply.status }).toEqual({ tool: tool.key, status: 200 });
      } else {
        const empty = reply.status === 200 && 'items' in reply.body && (reply.body as { items: unknown[] }).items.length === 0;
        expect({ tool: tool.key, refusedOrEmpty: reply.status === 403 || empty }).toEqual({ tool: tool.key, refusedOrEmpty: true });
      }
    }
  });

  it('does not offer a social worker 居民认证, which the server refuses them', async () => {
    const token = await t.login('social-worker');
    const me = ok(await t.call(routes.me, {}, token));
    expect(staffToolsFor(me.grants).map((tool) => tool.label)).not.toContain('居民认证');
    expect((await probes.claims(token)).error?.code).toBe('OUT_OF_SCOPE');
  });

  it('offers residents and volunteers nothing', async () => {
    for (const persona of ['resident', 'volunteer'] as const) {
      const me = ok(await t.call(routes.me, {}, await t.login(persona)));
      expect(staffToolsFor(me.grants)).toEqual([]);
    }
  });
});
