import { routes } from '@linli/shared';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The street's organisations registry, suspension, incubation stages, and 备案 applications. */
describe('organisations registry and 备案 applications', () => {
  let t: TestApp;
  let admin: string;
  let committee: string;
  let resident: string;
  let orgStaff: string;
  let xingfuli: number;
  let chunhui: number;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, committee, resident, orgStaff] = await Promise.all([
      t.login('street-admin'),
      t.login('committee'),
      t.login('resident'),
      t.login('org-staff'),
    ]);
    const communities = ok(await t.call(routes.communities)).items;
    xingfuli = communities.find((c) => c.name === '幸福里社区')!.id;
    chunhui = communities.find((c) => c.name === '春晖园社区')!.id;
  });
  afterAll(() => t.close());

  const audit = (action: string) => t.app.get(AuditRepository).list({ action });
  const orgNamed = async (name: string) =>
    ok(await t.call(routes.organisationRegistry, { query: { q: name } }, admin)).items.find((o) => o.name === name)!;

  it('lists the seeded registry with filters; the contact phone is masked for all but street admins', async () => {
    const all = ok(await t.call(routes.organisationRegistry, { query: { pageSize: 100 } }, admin));
    expect(new Set(all.items.map((o) => o.type))).toEqual(new Set(['social_work', 'volunteer_team', 'social_org', 'resident_unit', 'other']));
    const qihang = all.items.find((o) => o.name === '启航社会工作服务中心')!;
    expect(qihang).toMatchObject({ legalStatus: 'private_non_enterprise', stage: 'graduated', contactPhone: '13800001001' });
    expect(qihang.stageDates).toEqual({ applied: '2021-03-01', incubating: '2021-04-15', graduated: '2022-06-30', exited: null });
    expect(all.items.find((o) => o.name === '长青老年协会')!.mentor).toEqual({ id: qihang.id, name: '启航社会工作服务中心' });

    const incubating = ok(await t.call(routes.organisationRegistry, { query: { stage: 'incubating' } }, admin));
    expect(incubating.items.length).toBeGreaterThan(0);
    expect(incubating.items.every((o) => o.stage === 'incubating')).toBe(true);
    const suspended = ok(await t.call(routes.organisationRegistry, { query: { status: 'suspended' } }, admin));
    expect(suspended.items.map((o) => o.name)).toEqual(['和睦家园邻里互助会']);
    const units = ok(await t.call(routes.organisationRegistry, { query: { type: 'resident_unit', pageSize: 1 } }, admin));
    expect(units).toMatchObject({ total: 2, pageSize: 1 });
    expect(units.items).toHaveLength(1);
    const serving = ok(await t.call(routes.organisationRegistry, { query: { communityId: chunhui, pageSize: 100 } }, admin));
    expect(serving.items.every((o) => o.communityIds.includes(chunhui))).toBe(true);

    const seenByCommittee = ok(await t.call(routes.getOrganisation, { params: { id: qihang.id } }, committee));
    expect(seenByCommittee.contactPhone).toBe('138****1001');
    expect((await t.call(routes.organisationRegistry, {}, resident)).error?.code).toBe('FORBIDDEN');
    expect((await t.call(routes.getOrganisation, { params: { id: 99_999 } }, admin)).error?.code).toBe('ORGANISATION_NOT_FOUND');
  });

  it('lets only street admins create and edit organisations, names unique within the street', async () => {
    const body = {
      name: '彩虹助残服务社',
      type: 'social_org' as const,
      legalStatus: 'social_group' as const,
      registrationNo: '51110105MJ12345',
      leader: '韩彩虹',
      contactPhone: '13912345678',
      description: '为残障人士提供康复陪伴。',
      communityIds: [xingfuli, chunhui],
      stage: 'incubating' as const,
      stageDate: '2025-01-02',
    };
    const created = await t.call(routes.createOrganisation, { body }, admin);
    expect(created.status).toBe(201);
    const org = ok(created);
    const { stageDate: _, ...fields } = body;
    expect(org).toMatchObject({ ...fields, suspended: false, mentor: null, communityIds: [xingfuli, chunhui].sort((a, b) => a - b) });
    expect(org.stageDates).toEqual({ applied: null, incubating: '2025-01-02', graduated: null, exited: null });

    const clash = await t.call(routes.createOrganisation, { body: { ...body, communityIds: [] } }, admin);
    expect(clash.status).toBe(409);
    expect(clash.error).toMatchObject({ code: 'ORGANISATION_NAME_TAKEN', message: expect.stringContaining('同名') });
    expect((await t.call(routes.createOrganisation, { body: { ...body, name: '委员会建的' } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.createOrganisation, { body: { ...body, name: '组织建的' } }, orgStaff)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.createOrganisation, { body: { ...body, name: '无名社区', communityIds: [99_999] } }, admin)).error?.code).toBe(
      'COMMUNITY_NOT_FOUND',
    );
    expect((await t.call(routes.updateOrganisation, { params: { id: org.id }, body: { leader: '改' } }, committee)).error?.code).toBe('OUT_OF_SCOPE');

    const qihang = await orgNamed('启航社会工作服务中心');
    const edited = ok(
      await t.call(
        routes.updateOrganisation,
        { params: { id: org.id }, body: { leader: '韩小虹', communityIds: [chunhui], stage: 'graduated', stageDate: '2025-06-30', mentorId: qihang.id } },
        admin,
      ),
    );
    expect(edited).toMatchObject({ leader: '韩小虹', communityIds: [chunhui], stage: 'graduated', mentor: { id: qihang.id } });
    expect(edited.stageDates).toMatchObject({ incubating: '2025-01-02', graduated: '2025-06-30' });
    expect((await t.call(routes.updateOrganisation, { params: { id: org.id }, body: { name: '启航社会工作服务中心' } }, admin)).error?.code).toBe(
      'ORGANISATION_NAME_TAKEN',
    );
    expect((await t.call(routes.updateOrganisation, { params: { id: org.id }, body: { mentorId: org.id } }, admin)).error?.code).toBe(
      'ORGANISATION_MENTOR_INVALID',
    );
    expect(await audit('organisation.create')).toContainEqual(expect.objectContaining({ targetId: org.id }));
    expect((await audit('organisation.update')).filter((a) => a.targetId === org.id)).toHaveLength(1);
  });

  it('suspending an organisation takes its staff\'s organisation powers until reinstated', async () => {
    const team = await orgNamed('和平街道巾帼志愿服务队');
    // The org-staff persona writes articles for its team in the communities the team serves.
    const article = { communityId: xingfuli, kind: 'notice' as const, title: '巾帼队通知', body: '<p>本周六上午集合。</p>' };
    expect((await t.call(routes.createArticle, { body: article }, orgStaff)).status).toBe(201);

    ok(await t.call(routes.updateOrganisation, { params: { id: team.id }, body: { suspended: true } }, admin));
    expect((await orgNamed('和平街道巾帼志愿服务队')).suspended).toBe(true);
    expect((await t.call(routes.createArticle, { body: article }, orgStaff)).error?.code).toBe('OUT_OF_SCOPE');

    ok(await t.call(routes.updateOrganisation, { params: { id: team.id }, body: { suspended: false } }, admin));
    expect((await t.call(routes.createArticle, { body: article }, orgStaff)).status).toBe(201);
    expect((await audit('organisation.suspend')).map((a) => a.targetId)).toEqual([team.id]);
    expect((await audit('organisation.reinstate')).map((a) => a.targetId)).toEqual([team.id]);
  });

  it('takes a 备案 application from a resident to an organisation, reviewed by that community\'s committee', async () => {
    const body = { communityId: xingfuli, name: '幸福里合唱团', leader: '高歌', membersCount: 18, activities: '每周一晚上练合唱。', venue: '社区活动室' };
    const applied = await t.call(routes.createOrganisationApplication, { body }, resident);
    expect(applied.status).toBe(201);
    const application = ok(applied);
    expect(application).toMatchObject({ ...body, status: 'pending', communityName: '幸福里社区', organisationId: null });
    const mine = ok(await t.call(routes.myOrganisationApplications, {}, resident));
    expect(mine.items.map((a) => a.id)).toContain(application.id);

    const queue = ok(await t.call(routes.listOrganisationApplications, { query: { status: 'pending' } }, committee));
    expect(queue.items.map((a) => a.id)).toContain(application.id);
    expect((await t.call(routes.listOrganisationApplications, { query: { communityId: chunhui } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.listOrganisationApplications, {}, resident)).error?.code).toBe('FORBIDDEN');

    const approved = ok(await t.call(routes.approveOrganisationApplication, { params: { id: application.id } }, committee));
    expect(approved).toMatchObject({ status: 'approved', organisationId: expect.any(Number) });
    const org = ok(await t.call(routes.getOrganisation, { params: { id: approved.organisationId! } }, admin));
    expect(org).toMatchObject({ name: '幸福里合唱团', type: 'social_org', legalStatus: 'filed', leader: '高歌', communityIds: [xingfuli], stage: 'applied' });
    expect((await t.call(routes.approveOrganisationApplication, { params: { id: application.id } }, committee)).error?.code).toBe(
      'APPLICATION_ALREADY_DECIDED',
    );
    expect(ok(await t.call(routes.myOrganisationApplications, {}, resident)).items.find((a) => a.id === application.id)!.status).toBe('approved');
    expect(await audit('organisation_application.approve')).toContainEqual(expect.objectContaining({ targetId: application.id }));
  });

  it('rejects with a reason; the committee of another community may not decide; a clashing name is refused and stays pending', async () => {
    const inChunhui = ok(
      await t.call(
        routes.createOrganisationApplication,
        { body: { communityId: chunhui, name: '春晖园棋社', leader: '楚河', membersCount: 8, activities: '下象棋。', venue: '凉亭' } },
        resident,
      ),
    );
    expect((await t.call(routes.approveOrganisationApplication, { params: { id: inChunhui.id } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.rejectOrganisationApplication, { params: { id: inChunhui.id }, body: { reason: '不行' } }, committee)).error?.code).toBe(
      'OUT_OF_SCOPE',
    );
    const rejected = ok(await t.call(routes.rejectOrganisationApplication, { params: { id: inChunhui.id }, body: { reason: '请补充成员名单后再申请' } }, admin));
    expect(rejected).toMatchObject({ status: 'rejected', reason: '请补充成员名单后再申请', organisationId: null });
    expect((await t.call(routes.rejectOrganisationApplication, { params: { id: inChunhui.id }, body: { reason: 'x' } }, admin)).error?.code).toBe(
      'APPLICATION_ALREADY_DECIDED',
    );
    expect(await audit('organisation_application.reject')).toContainEqual(expect.objectContaining({ targetId: inChunhui.id, communityId: chunhui }));

    const clash = ok(
      await t.call(
        routes.createOrganisationApplication,
        { body: { communityId: xingfuli, name: '长青老年协会', leader: '重名', membersCount: 3, activities: '聊天。', venue: '楼下' } },
        resident,
      ),
    );
    const refused = await t.call(routes.approveOrganisationApplication, { params: { id: clash.id } }, committee);
    expect(refused.error?.code).toBe('ORGANISATION_NAME_TAKEN');
    expect(ok(await t.call(routes.myOrganisationApplications, { query: { status: 'pending' } }, resident)).items.map((a) => a.id)).toContain(clash.id);

    expect((await t.call(routes.approveOrganisationApplication, { params: { id: 99_999 } }, admin)).error?.code).toBe('APPLICATION_NOT_FOUND');
    const bad = await t.call(routes.createOrganisationApplication, { body: { communityId: xingfuli, name: '', leader: '', membersCount: 0, activities: '', venue: '' } }, resident);
    expect(bad.error?.code).toBe('VALIDATION_FAILED');
  });
});
