import { routes } from '@linli/shared';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { ok } from '../support/expect-ok.js';
import { helpApp, type HelpCast } from '../support/help.js';
import type { TestApp } from '../support/test-app.js';

/** 微心愿: entered by staff, shown masked, claimed by one giver, delivered and confirmed. */
describe('微心愿', () => {
  const app = helpApp();
  let t: TestApp;
  let c: HelpCast;
  beforeAll(() => ({ t, c } = app));

  const code = (reply: { error?: { code: string } }) => reply.error?.code;
  const enter = (body: Record<string, unknown> = {}, token = c.tokens.committee) =>
    t.call(
      routes.createWish,
      { body: { communityId: c.communities.xingfuli, beneficiaryName: '张桂英', title: '一双棉鞋', story: '冬天脚冷', ...body } as never },
      token,
    );
  const entered = async () => ok(await enter());
  const list = (token: string, query: Record<string, unknown> = {}) => t.call(routes.listWishes, { query: { pageSize: 100, ...query } }, token);
  const claim = (id: number, token: string, organisationId: number | null = null) =>
    t.call(routes.claimWish, { params: { id }, body: { organisationId } }, token);
  const deliver = (id: number, token: string) => t.call(routes.deliverWish, { params: { id }, body: { note: '送到社区了' } }, token);
  const confirm = (id: number, token = c.tokens.committee) => t.call(routes.confirmWish, { params: { id } }, token);

  it('lets the community’s staff enter a wish; residents only ever see the person masked', async () => {
    const created = await enter();
    expect(created.status).toBe(201);
    expect(ok(created)).toMatchObject({ state: 'published', beneficiary: '张*', beneficiaryName: '张桂英', claimer: null, actions: ['claim'] });
    const seen = ok(await list(c.tokens.resident)).items.find((w) => w.id === ok(created).id)!;
    expect(seen).toMatchObject({ beneficiary: '张*', beneficiaryName: null, title: '一双棉鞋' });
    expect(JSON.stringify(ok(await list(c.tokens.resident)))).not.toContain('张桂英');
    // The seeded wishes too: no resident-facing answer carries a full name.
    expect(JSON.stringify(ok(await list(c.tokens.newcomer, { communityId: c.communities.xingfuli })))).not.toMatch(/王秀兰|李小雨|赵建国|孙桂芳/);
    expect((await t.app.get(AuditRepository).list({ action: 'wish.create' })).some((a) => a.targetId === ok(created).id)).toBe(true);

    expect(code(await enter({}, c.tokens.resident))).toBe('FORBIDDEN');
    expect(code(await enter({ communityId: c.communities.chunhui }))).toBe('OUT_OF_SCOPE');
    expect(code(await enter({ beneficiaryName: '' }))).toBe('VALIDATION_FAILED');
    expect(code(await enter({ householdId: 99_999 }))).toBe('HOUSEHOLD_NOT_FOUND');
    expect(ok(await enter({ householdId: c.homes.resident! })).state).toBe('published');
  });

  it('goes claimed → delivered → confirmed, one claimer only, thanking the giver', async () => {
    const wish = await entered();
    const claimed = ok(await claim(wish.id, c.tokens.resident2));
    expect(claimed).toMatchObject({ state: 'claimed', claimedByMe: true, claimer: { kind: 'resident', name: '李叔叔' }, actions: ['deliver'] });
    // Others see the giver masked too.
    expect(ok(await list(c.tokens.resident)).items.find((w) => w.id === wish.id)).toMatchObject({ claimer: { kind: 'resident', name: '李*' }, claimedByMe: false, actions: [] });
    const second = await claim(wish.id, c.tokens.resident);
    expect([second.status, code(second)]).toEqual([409, 'WISH_ALREADY_CLAIMED']);

    expect(code(await confirm(wish.id))).toBe('WISH_STEP_SKIPPED');
    expect(code(await deliver(wish.id, c.tokens.resident))).toBe('WISH_NOT_CLAIMER');
    expect(ok(await deliver(wish.id, c.tokens.resident2))).toMatchObject({ state: 'delivered', deliveryNote: '送到社区了' });
    expect(code(await deliver(wish.id, c.tokens.resident2))).toBe('WISH_STEP_SKIPPED');
    expect(code(await confirm(wish.id, c.tokens['social-worker']))).toBe('OUT_OF_SCOPE');
    expect(ok(await confirm(wish.id))).toMatchObject({ state: 'confirmed', actions: [] });
    const titles = ok(await t.call(routes.myInbox, { query: { pageSize: 100 } }, c.tokens.resident2)).items.filter((i) => i.kind === 'wish').map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['您认领了一个微心愿', '您认领的微心愿已经实现']));
    expect(ok(await list(c.tokens.resident2, { view: 'mine' })).items.map((w) => w.id)).toContain(wish.id);

    expect(code(await deliver((await entered()).id, c.tokens.resident2))).toBe('WISH_STEP_SKIPPED');
    expect(code(await claim(99_999, c.tokens.resident))).toBe('WISH_NOT_FOUND');
  });

  it('lets a volunteer team or an organisation claim through its staff, if it serves the community', async () => {
    const wish = await entered();
    expect(code(await claim(wish.id, c.tokens.resident, c.organisations.jinguo))).toBe('WISH_CLAIMER_INVALID');
    expect(code(await claim(wish.id, c.tokens['org-staff'], c.organisations.qihang))).toBe('WISH_CLAIMER_INVALID');
    const team = ok(await claim(wish.id, c.tokens['org-staff'], c.organisations.jinguo));
    expect(team.claimer).toEqual({ kind: 'team', name: '和平街道巾帼志愿服务队' });
    expect((await t.app.get(AuditRepository).list({ action: 'wish.claim' })).some((a) => a.targetId === wish.id)).toBe(true);

    const other = await entered();
    expect(ok(await claim(other.id, c.tokens['social-worker'], c.organisations.qihang)).claimer).toEqual({ kind: 'organisation', name: '启航社会工作服务中心' });
    expect(ok(await deliver(other.id, c.tokens['social-worker'])).state).toBe('delivered');
  });

  it('lists by view and state within scope', async () => {
    const staff = ok(await list(c.tokens.committee, { view: 'staff' }));
    expect(staff.items.every((w) => w.beneficiaryName !== null && w.communityId === c.communities.xingfuli)).toBe(true);
    expect(staff.items.length).toBeGreaterThanOrEqual(4);
    expect(ok(await list(c.tokens.committee, { view: 'staff', state: 'confirmed' })).items.every((w) => w.state === 'confirmed')).toBe(true);
    expect(code(await list(c.tokens.resident, { view: 'staff' }))).toBe('OUT_OF_SCOPE');
    expect(code(await list(c.tokens.committee, { view: 'staff', communityId: c.communities.chunhui }))).toBe('OUT_OF_SCOPE');
    expect(ok(await list(c.tokens.resident, { state: 'published' })).items.every((w) => w.state === 'published' && w.actions.includes('claim'))).toBe(true);
    expect(ok(await list(c.tokens.newcomer)).items).toEqual([]);
    expect(code(await list(c.tokens.resident, { state: 'lost' }))).toBe('VALIDATION_FAILED');
  });
});
