import { routes } from '@linli/shared';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('residency: claim, review, census', () => {
  let t: TestApp;
  let committee: string;
  let newcomer: string;
  let xingfuli: number;
  let chunhui: number;

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    newcomer = await t.login('newcomer');
    const communities = ok(await t.call(routes.communities)).items;
    xingfuli = communities.find((c) => c.name === '幸福里社区')!.id;
    chunhui = communities.find((c) => c.name === '春晖园社区')!.id;
  });
  afterAll(() => t.close());

  async function household(communityId: number, building: string, unit: string, room: string) {
    const { items } = ok(await t.call(routes.households, { params: { id: communityId }, query: { building, unit } }, newcomer));
    return items.find((h) => h.room === room)!;
  }

  it('lists the five demo communities with their households', async () => {
    const { items } = ok(await t.call(routes.communities));
    expect(items).toHaveLength(5);
    expect(items.every((c) => c.street.name === '和平街道' && c.householdCount === 144)).toBe(true);
    const { items: inBuilding } = ok(await t.call(routes.households, { params: { id: xingfuli }, query: { building: '3栋' } }, newcomer));
    expect(inBuilding).toHaveLength(24);
    expect(new Set(inBuilding.map((h) => h.unit))).toEqual(new Set(['1单元', '2单元']));
  });

  it('takes a newcomer from claim to verified resident', async () => {
    const home = await household(xingfuli, '5栋', '2单元', '302');
    const claim = ok(await t.call(routes.createResidencyClaim, { body: { householdId: home.id, realName: '周小明' } }, newcomer));
    expect(claim).toMatchObject({ status: 'pending', realName: '周小明', household: { communityName: '幸福里社区', room: '302' } });

    const before = ok(await t.call(routes.me, {}, newcomer));
    expect(before.verified).toBe(false);
    // The 活动 tab lists the activities of the communities one lives in: none yet (and that answer is cached).
    expect(ok(await t.call(routes.listActivities, { query: { range: 'all' } }, newcomer)).total).toBe(0);
    expect(before.claims[0]).toMatchObject({ id: claim.id, status: 'pending' });

    const queue = ok(await t.call(routes.listResidencyClaims, { query: { status: 'pending' } }, committee));
    expect(queue.items.map((c) => c.id)).toContain(claim.id);

    const approved = ok(await t.call(routes.approveResidencyClaim, { params: { id: claim.id } }, committee));
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'claim' });

    const after = ok(await t.call(routes.me, {}, newcomer));
    expect(after.verified).toBe(true);
    // ...and from the moment of approval, the community's activities (the demo seeds some in 幸福里社区).
    expect(ok(await t.call(routes.listActivities, { query: { range: 'all' } }, newcomer)).total).toBeGreaterThan(0);
    expect(after.residencies).toEqual([
      expect.objectContaining({ source: 'claim', household: expect.objectContaining({ id: home.id, building: '5栋' }) }),
    ]);

    const again = await t.call(routes.approveResidencyClaim, { params: { id: claim.id } }, committee);
    expect(again).toMatchObject({ status: 409, error: { code: 'CLAIM_ALREADY_DECIDED' } });
    const reclaim = await t.call(routes.createResidencyClaim, { body: { householdId: home.id, realName: '周小明' } }, newcomer);
    expect(reclaim).toMatchObject({ status: 409, error: { code: 'ALREADY_RESIDENT' } });

    const audit = await t.app.get(AuditRepository).list({ action: 'residency.approve' });
    expect(audit).toEqual([expect.objectContaining({ targetId: claim.id, communityId: xingfuli })]);
    expect(ok(await t.call(routes.myInbox, { query: {} }, newcomer)).items).toEqual([
      expect.objectContaining({ kind: 'residency_decided', title: '住户认证已通过', activityId: null }),
    ]);
  });

  it('rejects with a reason the resident sees, and lets them claim again', async () => {
    const user = await t.login({ openid: 'reject-me', nickname: '老王' });
    const home = await household(xingfuli, '6栋', '1单元', '601');
    const claim = ok(await t.call(routes.createResidencyClaim, { body: { householdId: home.id, realName: '王大爷' } }, user));
    const duplicate = await t.call(routes.createResidencyClaim, { body: { householdId: home.id, realName: '王大爷' } }, user);
    expect(duplicate).toMatchObject({ status: 409, error: { code: 'CLAIM_DUPLICATE' } });

    const noReason = await t.call(routes.rejectResidencyClaim, { params: { id: claim.id }, body: { reason: '  ' } }, committee);
    expect(noReason).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'body.reason' })] } });

    const rejected = ok(await t.call(routes.rejectResidencyClaim, { params: { id: claim.id }, body: { reason: '房号与登记不符' } }, committee));
    expect(rejected).toMatchObject({ status: 'rejected', reason: '房号与登记不符' });
    expect(ok(await t.call(routes.me, {}, user)).claims[0]).toMatchObject({ status: 'rejected', reason: '房号与登记不符' });
    expect(ok(await t.call(routes.myInbox, { query: {} }, user)).items[0]).toMatchObject({ kind: 'residency_decided', body: expect.stringContaining('房号与登记不符') });

    const retry = ok(await t.call(routes.createResidencyClaim, { body: { householdId: home.id, realName: '王大爷' } }, user));
    expect(retry.status).toBe('pending');
  });

  it('keeps committee staff to their own community; the street admin sees the whole street', async () => {
    const user = await t.login({ openid: 'chunhui-resident', nickname: '春晖居民' });
    const home = await household(chunhui, '1栋', '1单元', '201');
    const claim = ok(await t.call(routes.createResidencyClaim, { body: { householdId: home.id, realName: '钱阿婆' } }, user));

    const approve = await t.call(routes.approveResidencyClaim, { params: { id: claim.id } }, committee);
    expect(approve).toMatchObject({ status: 403, error: { code: 'OUT_OF_SCOPE' } });
    const list = await t.call(routes.listResidencyClaims, { query: { communityId: chunhui } }, committee);
    expect(list).toMatchObject({ status: 403, error: { code: 'OUT_OF_SCOPE' } });
    const mine = ok(await t.call(routes.listResidencyClaims, { query: {} }, committee));
    expect(mine.items.every((c) => c.household.communityId === xingfuli)).toBe(true);

    const streetAdmin = await t.login('street-admin');
    ok(await t.call(routes.approveResidencyClaim, { params: { id: claim.id } }, streetAdmin));

    const socialWorker = await t.login('social-worker');
    const notTheirs = await t.call(routes.listResidencyClaims, { query: {} }, socialWorker);
    expect(notTheirs).toMatchObject({ status: 403, error: { code: 'OUT_OF_SCOPE' } });
    const resident = await t.login('resident');
    expect(await t.call(routes.listResidencyClaims, { query: {} }, resident)).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } });
  });

  it('imports a census that creates households and approves matching claims, old and new', async () => {
    const early = await t.login({ openid: 'census-early', nickname: '早申请' });
    const home = await household(xingfuli, '1栋', '2单元', '602');
    const pending = ok(await t.call(routes.createResidencyClaim, { body: { householdId: home.id, realName: '孙大妈' } }, early));
    const wrongName = await t.login({ openid: 'census-wrong', nickname: '对不上' });
    const unmatched = ok(await t.call(routes.createResidencyClaim, { body: { householdId: home.id, realName: '不在名单' } }, wrongName));

    const csv = '\uFEFF楼栋,单元,房号,姓名\n1栋,2单元,602,孙大妈\n1栋,2单元,602,孙大爷\n9栋,1单元,101,吴奶奶\n';
    const result = ok(await t.call(routes.importCensus, { params: { id: xingfuli }, body: { csv } }, committee));
    expect(result).toEqual({ dryRun: false, householdsCreated: 1, residentsImported: 3, claimsApproved: 1 });

    expect(ok(await t.call(routes.me, {}, early)).verified).toBe(true);
    expect(ok(await t.call(routes.me, {}, wrongName)).claims[0]).toMatchObject({ id: unmatched.id, status: 'pending' });
    expect(ok(await t.call(routes.me, {}, early)).claims[0]).toMatchObject({ id: pending.id, status: 'approved', decidedBy: 'census' });

    const late = await t.login({ openid: 'census-late', nickname: '后申请' });
    const newHome = await household(xingfuli, '9栋', '1单元', '101');
    const instant = ok(await t.call(routes.createResidencyClaim, { body: { householdId: newHome.id, realName: '吴奶奶' } }, late));
    expect(instant).toMatchObject({ status: 'approved', decidedBy: 'census' });

    const again = ok(await t.call(routes.importCensus, { params: { id: xingfuli }, body: { csv } }, committee));
    expect(again).toEqual({ dryRun: false, householdsCreated: 0, residentsImported: 0, claimsApproved: 0 });
  });

  it('refuses a bad census whole, naming every bad line', async () => {
    const before = ok(await t.call(routes.households, { params: { id: xingfuli }, query: {} }, committee)).total;
    const csv = '楼栋,单元,房号,姓名\n2栋,1单元,101,甲\n2栋,,102,乙\n12栋,1单元,101,丙\n3栋,1单元,101,\n';
    const reply = await t.call(routes.importCensus, { params: { id: xingfuli }, body: { csv } }, committee);
    expect(reply).toMatchObject({ status: 400, error: { code: 'CENSUS_INVALID' } });
    expect(reply.error!.fields!.map((f) => f.path)).toEqual(['body.csv.line3', 'body.csv.line5']);
    const after = ok(await t.call(routes.households, { params: { id: xingfuli }, query: {} }, committee)).total;
    expect(after).toBe(before);

    const header = await t.call(routes.importCensus, { params: { id: xingfuli }, body: { csv: 'a,b\n1,2' } }, committee);
    expect(header).toMatchObject({ status: 400, error: { code: 'CENSUS_INVALID' } });
    const outside = await t.call(routes.importCensus, { params: { id: chunhui }, body: { csv } }, committee);
    expect(outside).toMatchObject({ status: 403, error: { code: 'OUT_OF_SCOPE' } });
  });

  it('refuses a real name the content check calls risky, naming the field, and stores nothing', async () => {
    const home = await household(xingfuli, '6栋', '1单元', '101');
    const reply = await t.call(routes.createResidencyClaim, { body: { householdId: home.id, realName: '六合彩' } }, newcomer);
    expect(reply).toMatchObject({
      status: 400,
      error: { code: 'CONTENT_RISKY', message: '您填写的内容含有不适合发布的词语，请修改后再提交', fields: [{ path: 'body.realName', message: '含有不适合发布的词语「六合彩」，请修改' }] },
    });
    const me = ok(await t.call(routes.me, {}, newcomer));
    expect(me.claims.some((c) => c.household.id === home.id)).toBe(false);
    // The same home under a plain name goes through.
    expect(ok(await t.call(routes.createResidencyClaim, { body: { householdId: home.id, realName: '周小明' } }, newcomer)).status).toBe('pending');
  });

  it('answers 404 with a code for things that do not exist', async () => {
    expect(await t.call(routes.approveResidencyClaim, { params: { id: 999999 } }, committee)).toMatchObject({ status: 404, error: { code: 'CLAIM_NOT_FOUND' } });
    expect(await t.call(routes.createResidencyClaim, { body: { householdId: 999999, realName: '某人' } }, newcomer)).toMatchObject({ status: 404, error: { code: 'HOUSEHOLD_NOT_FOUND' } });
    expect(await t.call(routes.households, { params: { id: 999999 }, query: {} }, newcomer)).toMatchObject({ status: 404, error: { code: 'COMMUNITY_NOT_FOUND' } });
  });
});
