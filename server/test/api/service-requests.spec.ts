import { routes, type RouteRequest, type ServiceRequest } from '@linli/shared';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { ok } from '../support/expect-ok.js';
import { helpApp, householdOf, type HelpCast } from '../support/help.js';
import type { TestApp } from '../support/test-app.js';

/** Residents ask for help: who may ask for which household, every step of the state machine, and the staff queue. */
describe('service requests', () => {
  const app = helpApp();
  let t: TestApp;
  let c: HelpCast;
  beforeAll(() => ({ t, c } = app));

  const ask = (token: string, body: Partial<RouteRequest<typeof routes.createServiceRequest>['body']> = {}) =>
    t.call(routes.createServiceRequest, { body: { householdId: c.homes.resident!, category: 'escort', details: '陪我去医院复查', ...body } }, token);
  const asked = async (body: Parameters<typeof ask>[1] = {}) => ok(await ask(c.tokens.resident, body));
  const step = {
    accept: (id: number, token = c.tokens.committee) => t.call(routes.acceptServiceRequest, { params: { id } }, token),
    decline: (id: number, reason: string, token = c.tokens.committee) => t.call(routes.declineServiceRequest, { params: { id }, body: { reason } }, token),
    assign: (id: number, to: { kind: 'staff' | 'volunteer' | 'organisation'; id: number }, token = c.tokens.committee) =>
      t.call(routes.assignServiceRequest, { params: { id }, body: to }, token),
    start: (id: number, token: string) => t.call(routes.startServiceRequest, { params: { id } }, token),
    done: (id: number, token: string, note = '已经陪老人看完医生') => t.call(routes.finishServiceRequest, { params: { id }, body: { note } }, token),
    confirm: (id: number, token = c.tokens.resident, rating = 5) => t.call(routes.confirmServiceRequest, { params: { id }, body: { rating, comment: '很好' } }, token),
    cancel: (id: number, token = c.tokens.resident) => t.call(routes.cancelServiceRequest, { params: { id } }, token),
  };
  const inboxTitles = async (token: string) =>
    ok(await t.call(routes.myInbox, { query: { pageSize: 100 } }, token)).items.filter((i) => i.kind === 'service_request').map((i) => i.title);
  const code = (reply: { error?: { code: string } }) => reply.error?.code;

  it('lets a resident ask for their own verified household, and no one else’s', async () => {
    const created = await ask(c.tokens.resident, { category: 'cleaning', details: '帮忙擦窗户', contactName: '张阿姨女儿' });
    expect(created.status).toBe(201);
    expect(ok(created)).toMatchObject({
      state: 'submitted',
      category: 'cleaning',
      householdLabel: '1栋1单元101',
      communityName: '幸福里社区',
      requesterName: '张阿姨',
      enteredByStaff: false,
      neededAt: null,
      assignee: null,
      overdue: false,
      actions: ['cancel'],
    });
    const theirs = await ask(c.tokens.resident2, { householdId: c.homes.resident! });
    expect([theirs.status, code(theirs)]).toEqual([403, 'SERVICE_REQUEST_NOT_YOUR_HOUSEHOLD']);
    expect(code(await ask(c.tokens.newcomer))).toBe('SERVICE_REQUEST_NOT_YOUR_HOUSEHOLD');
    expect(code(await ask(c.tokens.resident, { householdId: 99_999 }))).toBe('HOUSEHOLD_NOT_FOUND');
    expect(code(await ask(c.tokens.resident, { category: 'haircut' as never }))).toBe('VALIDATION_FAILED');
    expect(code(await ask(c.tokens.resident, { details: '  ' }))).toBe('VALIDATION_FAILED');
    const past = new Date(t.clock.now().getTime() - 3 * 3600_000).toISOString();
    expect(code(await ask(c.tokens.resident, { neededAt: past }))).toBe('SERVICE_REQUEST_TIME_INVALID');
    // Whole seconds: MySQL's datetime keeps no milliseconds.
    const later = new Date(Math.floor(t.clock.now().getTime() / 1000) * 1000 + 24 * 3600_000).toISOString();
    expect(ok(await ask(c.tokens.resident, { neededAt: later })).neededAt).toBe(later);
    expect(code(await t.call(routes.createServiceRequest, { body: { householdId: c.homes.resident!, category: 'meals', details: 'x' } }))).toBe('UNAUTHENTICATED');
  });

  it('lets staff enter a phone call for any household of their community, telling its residents', async () => {
    const phoned = ok(await ask(c.tokens.committee, { householdId: c.homes.resident2!, category: 'mobility', details: '想借轮椅（电话）' }));
    expect(phoned).toMatchObject({ enteredByStaff: true, requesterName: '赵主任', state: 'submitted' });
    expect(await inboxTitles(c.tokens.resident2)).toContain('社区已为您登记求助');
    const audit = await t.app.get(AuditRepository).list({ action: 'service_request.create' });
    expect(audit.some((a) => a.targetId === phoned.id)).toBe(true);
    // The household's resident sees it among their own and may follow it through.
    const mine = ok(await t.call(routes.listServiceRequests, { query: { view: 'mine', pageSize: 100 } }, c.tokens.resident2));
    expect(mine.items.find((r) => r.id === phoned.id)?.actions).toEqual(['cancel']);

    const elsewhere = await householdOf(t, c.tokens.committee, c.communities.chunhui);
    expect(code(await ask(c.tokens.committee, { householdId: elsewhere }))).toBe('SERVICE_REQUEST_NOT_YOUR_HOUSEHOLD');
    // The street admin takes calls for every community of the street.
    expect(ok(await ask(c.tokens['street-admin'], { householdId: elsewhere })).communityName).toBe('春晖园社区');
  });

  it('goes submitted → accepted → assigned → started → done → confirmed, telling the resident at each step', async () => {
    const r = await asked({ details: '周二陪我去市一医院' });
    const accepted = ok(await step.accept(r.id));
    expect(accepted).toMatchObject({ state: 'accepted', actions: ['assign'] });
    const assigned = ok(await step.assign(r.id, { kind: 'volunteer', id: c.ids.volunteer }));
    expect(assigned).toMatchObject({ state: 'assigned', assignee: { kind: 'volunteer', id: c.ids.volunteer, name: '王小芳' }, actions: [] });

    const forVolunteer = ok(await t.call(routes.listServiceRequests, { query: { view: 'assigned' } }, c.tokens.volunteer));
    expect(forVolunteer.items.find((x) => x.id === r.id)?.actions).toEqual(['start']);
    expect(ok(await step.start(r.id, c.tokens.volunteer))).toMatchObject({ state: 'started', actions: ['done'] });
    expect(ok(await step.done(r.id, c.tokens.volunteer))).toMatchObject({ state: 'done', doneNote: '已经陪老人看完医生' });
    const forResident = ok(await t.call(routes.listServiceRequests, { query: { view: 'mine', pageSize: 100 } }, c.tokens.resident));
    expect(forResident.items.find((x) => x.id === r.id)?.actions).toEqual(['confirm']);
    expect(ok(await step.confirm(r.id, c.tokens.resident, 4))).toMatchObject({ state: 'confirmed', rating: 4, comment: '很好', actions: [] });

    expect(await inboxTitles(c.tokens.resident)).toEqual(
      expect.arrayContaining(['社区已受理您的求助', '已为您安排服务', '服务人员已接单', '服务已办好，请您确认']),
    );
    expect(await inboxTitles(c.tokens.volunteer)).toEqual(expect.arrayContaining(['您有一条新的求助任务', '居民已确认服务完成']));
    const actions = (await t.app.get(AuditRepository).list({})).filter((a) => a.targetType === 'service_request' && a.targetId === r.id).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['service_request.accept', 'service_request.assign']));
  });

  it('refuses a step that skips a state, and a step someone already took', async () => {
    const r = await asked();
    const skip = await step.assign(r.id, { kind: 'volunteer', id: c.ids.volunteer });
    expect([skip.status, code(skip)]).toEqual([409, 'SERVICE_REQUEST_STEP_SKIPPED']);
    expect(code(await step.done(r.id, c.tokens.committee))).toBe('SERVICE_REQUEST_STEP_SKIPPED');
    expect(code(await step.confirm(r.id))).toBe('SERVICE_REQUEST_STEP_SKIPPED');
    expect(code(await step.start(r.id, c.tokens.volunteer))).toBe('SERVICE_REQUEST_NOT_FOUND');
    ok(await step.accept(r.id));
    const again = await step.accept(r.id);
    expect([again.status, code(again)]).toEqual([409, 'SERVICE_REQUEST_ALREADY_MOVED']);
    expect(code(await step.decline(r.id, '太晚了'))).toBe('SERVICE_REQUEST_ALREADY_MOVED');
    // Nothing changed by the refusals.
    const now = ok(await t.call(routes.listServiceRequests, { query: { view: 'mine', pageSize: 100 } }, c.tokens.resident)).items.find((x) => x.id === r.id)!;
    expect(now).toMatchObject({ state: 'accepted', declineReason: null, assignee: null });
  });

  it('lets only the right people take each step', async () => {
    const r = await asked();
    expect(code(await step.accept(r.id, c.tokens.resident))).toBe('OUT_OF_SCOPE');
    expect(code(await step.cancel(r.id, c.tokens.volunteer))).toBe('SERVICE_REQUEST_NOT_FOUND');
    expect(code(await step.accept(r.id, c.tokens['org-staff']))).toBe('SERVICE_REQUEST_NOT_FOUND');
    expect(code(await step.accept(99_999))).toBe('SERVICE_REQUEST_NOT_FOUND');
    ok(await step.accept(r.id));
    ok(await step.assign(r.id, { kind: 'staff', id: c.ids['social-worker'] }));
    expect(code(await step.start(r.id, c.tokens.committee))).toBe('SERVICE_REQUEST_NOT_ASSIGNEE');
    ok(await step.start(r.id, c.tokens['social-worker']));
    ok(await step.done(r.id, c.tokens['social-worker']));
    expect(code(await step.confirm(r.id, c.tokens['social-worker']))).toBe('SERVICE_REQUEST_NOT_REQUESTER');
    expect(code(await t.call(routes.confirmServiceRequest, { params: { id: r.id }, body: { rating: 6 } }, c.tokens.resident))).toBe('VALIDATION_FAILED');
  });

  it('assigns only within the community: its staff, its verified residents, organisations serving it', async () => {
    const r = await asked();
    ok(await step.accept(r.id));
    const refused = await step.assign(r.id, { kind: 'volunteer', id: c.ids.newcomer });
    expect([refused.status, code(refused)]).toEqual([400, 'ASSIGNEE_OUT_OF_COMMUNITY']);
    expect(code(await step.assign(r.id, { kind: 'staff', id: c.ids.resident2 }))).toBe('ASSIGNEE_OUT_OF_COMMUNITY');
    expect(code(await step.assign(r.id, { kind: 'organisation', id: c.organisations.changqingAssociation }))).toBe('ASSIGNEE_OUT_OF_COMMUNITY');
    expect(code(await step.assign(r.id, { kind: 'staff', id: 99_999 }))).toBe('ASSIGNEE_OUT_OF_COMMUNITY');
    expect(ok(await t.call(routes.listServiceRequests, { query: { view: 'community', state: 'accepted', pageSize: 100 } }, c.tokens.committee)).items.map((x) => x.id)).toContain(r.id);

    // An organisation: any of its staff take it on.
    const toOrg = ok(await step.assign(r.id, { kind: 'organisation', id: c.organisations.qihang }));
    expect(toOrg.assignee).toEqual({ kind: 'organisation', id: c.organisations.qihang, name: '启航社会工作服务中心' });
    const theirs = ok(await t.call(routes.listServiceRequests, { query: { view: 'assigned', pageSize: 100 } }, c.tokens['social-worker']));
    expect(theirs.items.map((x) => x.id)).toContain(r.id);
    expect(code(await step.start(r.id, c.tokens['org-staff']))).toBe('SERVICE_REQUEST_NOT_FOUND');
    expect(ok(await step.start(r.id, c.tokens['social-worker'])).state).toBe('started');
    expect(await inboxTitles(c.tokens['social-worker'])).toContain('您有一条新的求助任务');
  });

  it('declines with a reason the resident reads; cancels only before the work starts', async () => {
    const declined = ok(await step.decline((await asked()).id, '这类维修请联系物业'));
    expect(declined).toMatchObject({ state: 'declined', declineReason: '这类维修请联系物业' });
    expect(await inboxTitles(c.tokens.resident)).toContain('社区暂时办不了您的求助');
    expect(code(await step.cancel(declined.id))).toBe('SERVICE_REQUEST_ALREADY_MOVED');
    expect(code(await t.call(routes.declineServiceRequest, { params: { id: declined.id }, body: { reason: '' } }, c.tokens.committee))).toBe('VALIDATION_FAILED');

    const r = await asked();
    ok(await step.accept(r.id));
    ok(await step.assign(r.id, { kind: 'volunteer', id: c.ids.volunteer }));
    expect(ok(await step.cancel(r.id)).state).toBe('cancelled');
    expect(await inboxTitles(c.tokens.volunteer)).toContain('居民取消了求助');
    expect(code(await step.start(r.id, c.tokens.volunteer))).toBe('SERVICE_REQUEST_ALREADY_MOVED');

    const s = await asked();
    ok(await step.accept(s.id));
    ok(await step.assign(s.id, { kind: 'volunteer', id: c.ids.volunteer }));
    ok(await step.start(s.id, c.tokens.volunteer));
    const late = await step.cancel(s.id);
    expect([late.status, code(late)]).toEqual([409, 'SERVICE_REQUEST_NOT_CANCELLABLE']);
  });

  it('shows staff the open requests of their communities with their age, flagging those past the response time', async () => {
    const r = await asked({ category: 'repair', details: '灯坏了' });
    const queue = (query: Record<string, unknown>, token = c.tokens.committee) =>
      t.call(routes.listServiceRequests, { query: { view: 'community', pageSize: 100, ...query } }, token);
    const first = ok(await queue({ state: 'open' }));
    expect(first.responseHours).toBe(24);
    const fresh = first.items.find((x) => x.id === r.id)!;
    expect(fresh).toMatchObject({ overdue: false, ageMinutes: 0, actions: ['accept', 'decline'] });
    // The seeded 陪诊 request has waited 30 hours.
    expect(first.items.some((x) => x.overdue && x.category === 'escort' && x.state === 'submitted')).toBe(true);
    expect(first.items.every((x) => ['submitted', 'accepted', 'assigned', 'started'].includes(x.state))).toBe(true);

    t.clock.advance(25 * 3600_000);
    try {
      const later = ok(await queue({ overdue: 'true' }));
      const aged = later.items.find((x) => x.id === r.id)!;
      expect(aged.overdue).toBe(true);
      expect(aged.ageMinutes).toBeGreaterThanOrEqual(25 * 60);
      expect(later.items.every((x: ServiceRequest) => x.overdue && x.state === 'submitted')).toBe(true);
    } finally {
      t.clock.reset();
    }
    const repairs = ok(await queue({ category: 'repair' }));
    expect(repairs.items.every((x) => x.category === 'repair')).toBe(true);
    expect(ok(await queue({ state: 'confirmed' })).items.every((x) => x.state === 'confirmed')).toBe(true);

    // The street sees every community's; a community filter outside one's scope, or no staff scope at all, is refused.
    expect(ok(await queue({}, c.tokens['street-admin'])).items.map((x) => x.id)).toContain(r.id);
    expect(code(await queue({ communityId: c.communities.chunhui }))).toBe('OUT_OF_SCOPE');
    expect(code(await queue({}, c.tokens.resident))).toBe('OUT_OF_SCOPE');
    expect(code(await queue({}, c.tokens['org-staff']))).toBe('OUT_OF_SCOPE');
    expect(code(await queue({ state: 'finished' }))).toBe('VALIDATION_FAILED');

    // A resident's own list holds only their requests and their household's.
    const mine = ok(await t.call(routes.listServiceRequests, { query: { pageSize: 100 } }, c.tokens.resident2));
    expect(mine.items.every((x) => x.householdId === c.homes.resident2 || x.requesterId === c.ids.resident2)).toBe(true);
    expect(mine.items.map((x) => x.id)).not.toContain(r.id);
  });

  it('keeps a service item link as given', async () => {
    expect((await asked({ serviceItemId: 42 })).serviceItemId).toBe(42);
  });
});
