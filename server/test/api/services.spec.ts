import { routes, type CreateServiceContract } from '@linli/shared';
import ExcelJS from 'exceljs';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { Signup } from '../../src/activities/signup.entity.js';
import { communityIds, organisationIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Delegated services: contracts, items, registers, logs, progress, tasks, export and evaluations, with every rule. */
describe('delegated services', () => {
  let t: TestApp;
  let committee: string;
  let admin: string;
  let worker: string;
  let orgStaff: string;
  let resident: string;
  let workerId: number;
  let orgStaffId: number;
  let xingfuli: number;
  let chunhui: number;
  let orgs: Record<string, number>;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, admin, worker, orgStaff, resident] = await Promise.all([
      t.login('committee'),
      t.login('street-admin'),
      t.login('social-worker'),
      t.login('org-staff'),
      t.login('resident'),
    ]);
    workerId = ok(await t.call(routes.me, {}, worker)).id;
    orgStaffId = ok(await t.call(routes.me, {}, orgStaff)).id;
    const communities = await communityIds(t);
    xingfuli = communities['幸福里社区'];
    chunhui = communities['春晖园社区'];
    orgs = await organisationIds(t, admin);
    today = chinaDay(t.clock.now());
  });
  afterAll(() => t.close());

  const audit = (action: string) => t.app.get(AuditRepository).list({ action });
  const contractBody = (over: Partial<CreateServiceContract> = {}): CreateServiceContract => ({
    title: '测试委托服务合同',
    communityId: xingfuli,
    providerId: orgs['启航社会工作服务中心'],
    type: 'purchase',
    periodStart: addDays(today, -30),
    periodEnd: addDays(today, 334),
    amountFen: 12_345_600,
    evaluatorId: orgs['和平街道巾帼志愿服务队'],
    ...over,
  });
  const household = async (communityId: number) =>
    ok(await t.call(routes.households, { params: { id: communityId }, query: { building: '1栋', unit: '1单元' } }, committee)).items[0].id;

  it('shows the seeded contract to its buyer, provider and street; never to residents or bystanders', async () => {
    const seen = ok(await t.call(routes.listServiceContracts, {}, committee));
    const seeded = seen.items.find((c) => c.title === '幸福里社区委托转移服务项目（年度）')!;
    expect(seeded).toMatchObject({ buyerName: '幸福里社区', provider: { name: '启航社会工作服务中心' }, itemCount: 6, canManage: true, type: 'delegation' });
    expect(ok(await t.call(routes.listServiceContracts, {}, worker)).items.map((c) => c.id)).toContain(seeded.id);
    expect(ok(await t.call(routes.listServiceContracts, { query: { status: 'active' } }, admin)).items.map((c) => c.id)).toContain(seeded.id);
    expect(ok(await t.call(routes.listServiceContracts, { query: { status: 'ended' } }, admin)).items.map((c) => c.id)).not.toContain(seeded.id);
    expect(ok(await t.call(routes.listServiceContracts, {}, orgStaff)).items).toEqual([]);
    expect((await t.call(routes.getServiceContract, { params: { id: seeded.id } }, orgStaff)).error?.code).toBe('SERVICE_CONTRACT_NOT_FOUND');
    expect((await t.call(routes.listServiceContracts, {}, resident)).error?.code).toBe('FORBIDDEN');
    const items = ok(await t.call(routes.listServiceItems, { query: { contractId: seeded.id } }, committee)).items;
    expect(items.map((i) => i.name)).toEqual(['高龄老人入户探访', '陪伴外出', '文体康乐', '志愿者动员', '婚姻家庭辅导', '儿童四点半课堂']);
    const visits = ok(await t.call(routes.serviceItemProgress, { params: { id: items[0].id } }, committee));
    expect(visits.fromLogs).toBeGreaterThan(0);
    expect(visits.overdueByTier.map((x) => x.tier)).toEqual(['高风险', '重点', '一般']);
    expect(visits.overdueByTier.reduce((n, x) => n + x.overdue, 0)).toBeGreaterThan(0);
  });

  it('creates contracts under the rules, each refusal with its own code', async () => {
    const bad = async (over: Partial<CreateServiceContract>, token = committee) => (await t.call(routes.createServiceContract, { body: contractBody(over) }, token)).error?.code;
    expect(await bad({ periodEnd: addDays(today, -31) })).toBe('SERVICE_PERIOD_INVALID');
    expect(await bad({ providerId: orgs['长青老年协会'] })).toBe('ORGANISATION_NOT_SERVING');
    expect(await bad({ providerId: orgs['和睦家园邻里互助会'] })).toBe('SERVICE_PROVIDER_INVALID');
    expect(await bad({ evaluatorId: orgs['启航社会工作服务中心'] })).toBe('SERVICE_EVALUATOR_INVALID');
    expect(await bad({ communityId: chunhui })).toBe('OUT_OF_SCOPE');
    expect(await bad({ communityId: null })).toBe('OUT_OF_SCOPE');
    expect(await bad({ amountFen: -1 })).toBe('VALIDATION_FAILED');
    expect(await bad({ amountFen: 1.5 })).toBe('VALIDATION_FAILED');
    expect(await bad({ periodStart: '2026-02-30' })).toBe('VALIDATION_FAILED');
    expect(await bad({}, worker)).toBe('OUT_OF_SCOPE');

    const created = await t.call(routes.createServiceContract, { body: contractBody() }, committee);
    expect(created.status).toBe(201);
    expect(ok(created)).toMatchObject({ buyerName: '幸福里社区', amountFen: 12_345_600, version: 1, evaluator: { name: '和平街道巾帼志愿服务队' } });
    const street = ok(await t.call(routes.createServiceContract, { body: contractBody({ communityId: null, title: '街道购买服务' }) }, admin));
    expect(street).toMatchObject({ communityId: null, buyerName: '和平街道', canManage: true });
    expect((await audit('service_contract.create')).map((a) => a.targetId)).toEqual(expect.arrayContaining([ok(created).id, street.id]));
  });

  it('runs a contract end to end: items, register, logs, voids, progress, tasks, export, evaluations', async () => {
    const contract = ok(await t.call(routes.createServiceContract, { body: contractBody({ title: '端到端合同' }) }, committee));
    const itemBody = {
      contractId: contract.id,
      name: '高龄老人入户探访',
      targetGroup: 'elderly' as const,
      unit: 'household_visits' as const,
      targetQuantity: 10,
      tiers: [
        { tier: '高风险', everyDays: 7 },
        { tier: '一般', everyDays: 90 },
      ],
      workerIds: [workerId],
    };
    expect((await t.call(routes.createServiceItem, { body: { ...itemBody, workerIds: [orgStaffId] } }, committee)).error?.code).toBe('SERVICE_WORKER_NOT_PROVIDER');
    expect((await t.call(routes.createServiceItem, { body: { ...itemBody, communityId: chunhui } }, committee)).error?.code).toBe('SERVICE_ITEM_COMMUNITY_INVALID');
    expect((await t.call(routes.createServiceItem, { body: itemBody }, worker)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.createServiceItem, { body: { ...itemBody, tiers: [{ tier: 'a', everyDays: 1 }, { tier: 'a', everyDays: 2 }] } }, committee)).error?.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await t.call(routes.createServiceItem, { body: { ...itemBody, targetQuantity: 0 } }, committee)).error?.code).toBe('VALIDATION_FAILED');
    const staff = ok(await t.call(routes.listServiceWorkers, { params: { id: contract.id } }, committee)).items;
    expect(staff).toEqual([{ id: workerId, name: '陈社工' }]);
    expect((await t.call(routes.listServiceWorkers, { params: { id: contract.id } }, worker)).error?.code).toBe('OUT_OF_SCOPE');
    const item = ok(await t.call(routes.createServiceItem, { body: itemBody }, committee));
    expect(item).toMatchObject({ communityId: xingfuli, workers: [{ id: workerId }], assigned: false, canManage: true, version: 1 });
    const group = ok(await t.call(routes.createServiceItem, { body: { ...itemBody, name: '文体康乐', unit: 'sessions', tiers: [], workerIds: [] } }, committee));

    // The register: kept by the committee, read by the assigned worker, never by the evaluator or residents.
    const xHousehold = await household(xingfuli);
    const cHousehold = await household(chunhui);
    const add = (body: object, token = committee) => t.call(routes.createBeneficiary, { params: { id: item.id }, body: { name: '李奶奶', ...body } }, token);
    expect((await add({ householdId: cHousehold })).error?.code).toBe('SERVICE_HOUSEHOLD_OUTSIDE');
    expect((await add({ tier: '重点' })).error?.code).toBe('SERVICE_TIER_UNKNOWN');
    expect((await add({}, worker)).error?.code).toBe('OUT_OF_SCOPE');
    const li = ok(await add({ householdId: xHousehold, tier: '高风险', phone: '13912345678', notes: '独居' }));
    expect(li).toMatchObject({ phone: '139****5678', tier: '高风险', dueOn: addDays(today, 7), overdue: false, household: { label: '1栋1单元101' } });
    const wang = ok(await add({ name: '王爷爷', tier: '一般' }));
    const reg = ok(await t.call(routes.listBeneficiaries, { params: { id: item.id } }, worker));
    expect(reg.items.map((b) => b.name).sort()).toEqual(['李奶奶', '王爷爷'].sort());
    expect((await audit('service_register.read')).filter((a) => a.targetId === item.id && a.actorId === workerId)).toHaveLength(1);
    expect((await t.call(routes.listBeneficiaries, { params: { id: item.id } }, orgStaff)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.listBeneficiaries, { params: { id: item.id } }, resident)).error?.code).toBe('FORBIDDEN');
    const other = ok(await t.call(routes.createBeneficiary, { params: { id: group.id }, body: { name: '小明' } }, committee));

    // Logs: only the assigned worker, for people on the item's register, on days inside the period and not ahead.
    const log = (body: object, token = worker) =>
      t.call(routes.createServiceLog, { body: { itemId: item.id, beneficiaryId: li.id, servedOn: today, minutes: 40, form: 'visit', ...body } }, token);
    expect((await log({ itemId: group.id, beneficiaryId: null })).error?.code).toBe('SERVICE_NOT_ASSIGNED');
    expect((await log({}, committee)).error?.code).toBe('SERVICE_NOT_ASSIGNED');
    // The evaluator's staff read the item, but log nothing.
    expect((await log({}, orgStaff)).error?.code).toBe('SERVICE_NOT_ASSIGNED');
    expect((await log({ beneficiaryId: other.id })).error?.code).toBe('SERVICE_BENEFICIARY_NOT_ON_ITEM');
    expect((await log({ servedOn: addDays(today, 1) })).error?.code).toBe('SERVICE_LOG_IN_FUTURE');
    expect((await log({ servedOn: addDays(today, -31) })).error?.code).toBe('SERVICE_LOG_OUTSIDE_PERIOD');
    expect((await log({ minutes: 0 })).error?.code).toBe('VALIDATION_FAILED');
    expect((await log({ peopleServed: 100_000 })).error?.code).toBe('VALIDATION_FAILED');
    expect((await log({ photos: ['https://evil.example/x.jpg'] })).error?.code).toBe('IMAGE_NOT_OURS');
    const first = ok(await log({ servedOn: addDays(today, -20) }));
    expect(first).toMatchObject({ quantity: 1, beneficiary: { id: li.id, name: '李奶奶' }, worker: { id: workerId }, voided: false });
    ok(await log({ servedOn: addDays(today, -10) }));
    const wrong = ok(await log({ beneficiaryId: wang.id, servedOn: addDays(today, -2), form: 'phone_care', minutes: 10 }));
    expect((await audit('service_log.create')).filter((a) => a.actorId === workerId).length).toBeGreaterThanOrEqual(3);

    // The late entry for an earlier day never moves the last visit back.
    ok(await log({ servedOn: addDays(today, -25) }));
    const afterLate = ok(await t.call(routes.listBeneficiaries, { params: { id: item.id } }, committee)).items.find((b) => b.id === li.id)!;
    expect(afterLate).toMatchObject({ lastServedOn: addDays(today, -10), dueOn: addDays(today, -3), overdue: true });

    // A void is a new reversing entry, once; the original stays as it was.
    const voided = await t.call(routes.voidServiceLog, { params: { id: wrong.id }, body: { reason: '记错了人' } }, worker);
    expect(voided.status).toBe(201);
    expect(ok(voided)).toMatchObject({ quantity: -1, voidsLogId: wrong.id, note: '记错了人' });
    expect((await t.call(routes.voidServiceLog, { params: { id: wrong.id }, body: { reason: '再来' } }, worker)).error?.code).toBe('SERVICE_LOG_ALREADY_VOIDED');
    expect((await t.call(routes.voidServiceLog, { params: { id: ok(voided).id }, body: { reason: '再来' } }, committee)).error?.code).toBe(
      'SERVICE_LOG_NOT_VOIDABLE',
    );
    expect((await t.call(routes.voidServiceLog, { params: { id: first.id }, body: { reason: 'x' } }, orgStaff)).error?.code).toBe('OUT_OF_SCOPE');
    const wangAfter = ok(await t.call(routes.listBeneficiaries, { params: { id: item.id } }, committee)).items.find((b) => b.id === wang.id)!;
    expect(wangAfter.lastServedOn).toBeNull();
    const logs = ok(await t.call(routes.listServiceLogs, { query: { itemId: item.id } }, committee));
    expect(logs.total).toBe(5);
    expect(logs.items.find((l) => l.id === wrong.id)).toMatchObject({ voided: true, quantity: 1 });
    expect((await t.call(routes.listServiceLogs, { query: { itemId: item.id } }, orgStaff)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await audit('service_log.read')).some((a) => a.targetId === item.id)).toBe(true);

    // Progress: 3 counted of 10, against about a tenth of the period elapsed.
    const progress = ok(await t.call(routes.serviceItemProgress, { params: { id: item.id } }, committee));
    expect(progress).toMatchObject({ done: 3, fromLogs: 3, targetQuantity: 10, targetBand: 0, beneficiaries: 2 });
    expect(progress.elapsedShare).toBeCloseTo(31 / 365, 3);
    expect(progress.paceBand).toBe(3);
    expect(progress.overdueByTier).toEqual([
      { tier: '高风险', everyDays: 7, beneficiaries: 1, overdue: 1 },
      { tier: '一般', everyDays: 90, beneficiaries: 1, overdue: 0 },
    ]);
    expect(progress.monthly.reduce((n, m) => n + m.done, 0)).toBe(3);
    expect(progress.monthly.reduce((n, m) => n + m.logs, 0)).toBe(3);
    const contractProgress = ok(await t.call(routes.serviceContractProgress, { params: { id: contract.id } }, worker));
    expect(contractProgress.items.map((i) => [i.name, i.done, i.overdue])).toEqual([
      ['高龄老人入户探访', 3, 1],
      ['文体康乐', 0, 0],
    ]);

    // 我的任务: the overdue elder first; a worker on no item has none.
    const tasks = ok(await t.call(routes.myServiceTasks, { query: { withinDays: 90 } }, worker)).items.filter((x) => x.item.id === item.id);
    expect(tasks.map((x) => [x.name, x.daysLeft])).toEqual([
      ['李奶奶', -3],
      ['王爷爷', 90],
    ]);
    expect(ok(await t.call(routes.myServiceTasks, {}, orgStaff)).items).toEqual([]);

    // Linked activity: its attended sign-ups count toward the item.
    const activity = await publishedActivity(t, committee, xingfuli);
    ok(await t.call(routes.signUp, { params: { id: activity.id }, body: {} }, resident));
    await t.db.run((em) => em.update(Signup, { activityId: activity.id }, { status: 'attended' }));
    ok(await t.call(routes.updateServiceItem, { params: { id: group.id }, body: { version: 1, activityIds: [activity.id] } }, committee));
    expect(ok(await t.call(routes.serviceItemProgress, { params: { id: group.id } }, committee))).toMatchObject({ fromActivities: 1, done: 1 });

    // Edits: stale versions, units once logged, tiers still used, periods that would drop logs, deletes with logs.
    const edit = (body: object, id = item.id) => t.call(routes.updateServiceItem, { params: { id }, body: { version: 1, ...body } }, committee);
    expect((await edit({ unit: 'hours' })).error?.code).toBe('SERVICE_UNIT_LOCKED');
    expect((await edit({ tiers: [{ tier: '一般', everyDays: 60 }] })).error?.code).toBe('SERVICE_TIER_IN_USE');
    const edited = ok(await edit({ targetQuantity: 4, tiers: [{ tier: '高风险', everyDays: 14 }, { tier: '一般', everyDays: 90 }] }));
    expect(edited.version).toBe(2);
    expect((await edit({ targetQuantity: 5 })).error?.code).toBe('SERVICE_EDIT_CONFLICT');
    const redue = ok(await t.call(routes.listBeneficiaries, { params: { id: item.id } }, committee)).items.find((b) => b.id === li.id)!;
    expect(redue).toMatchObject({ dueOn: addDays(today, 4), overdue: false });
    expect(ok(await t.call(routes.serviceItemProgress, { params: { id: item.id } }, committee))).toMatchObject({ targetBand: 1, doneRatio: 0.75, done: 3 });
    expect((await t.call(routes.updateServiceItem, { params: { id: item.id }, body: { version: 2 } }, worker)).error?.code).toBe('OUT_OF_SCOPE');
    const contractEdit = (body: object) => t.call(routes.updateServiceContract, { params: { id: contract.id }, body: { version: 1, ...body } }, committee);
    expect((await contractEdit({ periodStart: addDays(today, -5) })).error?.code).toBe('SERVICE_PERIOD_EXCLUDES_LOGS');
    expect((await contractEdit({ periodEnd: addDays(today, -40) })).error?.code).toBe('SERVICE_PERIOD_INVALID');
    expect(ok(await contractEdit({ amountFen: 100 }))).toMatchObject({ amountFen: 100, version: 2 });
    expect((await contractEdit({ amountFen: 200 })).error?.code).toBe('SERVICE_EDIT_CONFLICT');
    expect((await t.call(routes.deleteServiceItem, { params: { id: item.id } }, committee)).error?.code).toBe('SERVICE_HAS_LOGS');
    expect((await t.call(routes.deleteServiceContract, { params: { id: contract.id } }, committee)).error?.code).toBe('SERVICE_HAS_LOGS');
    ok(await t.call(routes.deleteBeneficiary, { params: { id: item.id, beneficiaryId: wang.id } }, committee));
    expect((await t.call(routes.deleteBeneficiary, { params: { id: item.id, beneficiaryId: wang.id } }, committee)).error?.code).toBe('SERVICE_BENEFICIARY_NOT_FOUND');

    // The evaluator: an Excel export with names masked, and one evaluation per stage.
    const response = await fetch(`${t.base}/api/service-contracts/${contract.id}/export?format=xlsx`, { headers: { authorization: `Bearer ${orgStaff}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['服务项目', '服务记录', '名册统计']);
    const logSheet = workbook.getWorksheet('服务记录')!;
    const names = logSheet.getColumn(3).values.slice(2);
    expect(names).toContain('李**');
    expect(JSON.stringify(names)).not.toContain('李奶奶');
    expect((await t.call(routes.exportServiceContract, { params: { id: contract.id }, query: { format: 'csv' as never } }, committee)).error?.code).toBe('VALIDATION_FAILED');
    const evaluation = { stage: 'mid_term' as const, scores: [{ dimension: '服务成效', score: 18, max: 20 }, { dimension: '项目管理', score: 25, max: 30 }], satisfaction: 96, comments: '进度良好' };
    expect((await t.call(routes.createServiceEvaluation, { params: { id: contract.id }, body: evaluation }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect(
      (await t.call(routes.createServiceEvaluation, { params: { id: contract.id }, body: { ...evaluation, scores: [{ dimension: 'x', score: 30, max: 20 }] } }, orgStaff)).error?.code,
    ).toBe('VALIDATION_FAILED');
    const recorded = await t.call(routes.createServiceEvaluation, { params: { id: contract.id }, body: evaluation }, orgStaff);
    expect(recorded.status).toBe(201);
    expect(ok(recorded)).toMatchObject({ stage: 'mid_term', total: 43, satisfaction: 96, evaluator: { id: orgStaffId } });
    expect((await t.call(routes.createServiceEvaluation, { params: { id: contract.id }, body: evaluation }, orgStaff)).error?.code).toBe('SERVICE_EVALUATION_DUPLICATE');
    expect(ok(await t.call(routes.listServiceEvaluations, { params: { id: contract.id } }, committee)).items).toHaveLength(1);
  });

  it('gives street admins the street summary and deletes empty contracts and items', async () => {
    const summary = ok(await t.call(routes.streetServiceSummary, {}, admin));
    expect(summary.items).toBeGreaterThanOrEqual(6);
    // The seeded contract, and the community and street contracts the earlier tests made (all running today).
    expect(summary.contracts).toBeGreaterThanOrEqual(4);
    const xfl = summary.communities.find((c) => c.communityId === xingfuli)!;
    expect(xfl.name).toBe('幸福里社区');
    expect(xfl.overdue).toBeGreaterThan(0);
    expect(Object.values(summary.bands).reduce((a, b) => a + b, 0)).toBe(summary.items);
    expect((await t.call(routes.streetServiceSummary, {}, committee)).error?.code).toBe('OUT_OF_SCOPE');

    const empty = ok(await t.call(routes.createServiceContract, { body: contractBody({ title: '待删除合同' }) }, committee));
    const emptyItem = ok(
      await t.call(routes.createServiceItem, { body: { contractId: empty.id, name: '空项目', targetGroup: 'women', unit: 'hours', targetQuantity: 5 } }, committee),
    );
    ok(await t.call(routes.createBeneficiary, { params: { id: emptyItem.id }, body: { name: '某人' } }, committee));
    expect((await t.call(routes.deleteServiceContract, { params: { id: empty.id } }, worker)).error?.code).toBe('OUT_OF_SCOPE');
    ok(await t.call(routes.deleteServiceContract, { params: { id: empty.id } }, committee));
    expect((await t.call(routes.getServiceContract, { params: { id: empty.id } }, committee)).error?.code).toBe('SERVICE_CONTRACT_NOT_FOUND');
    expect((await t.call(routes.getServiceItem, { params: { id: emptyItem.id } }, committee)).error?.code).toBe('SERVICE_ITEM_NOT_FOUND');
    expect((await audit('service_contract.delete')).map((a) => a.targetId)).toContain(empty.id);
  });
});
