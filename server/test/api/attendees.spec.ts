import { buildPath, routes } from '@linli/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { communityIds, publishedActivity } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The attendee list for staff, and its CSV / Excel export, every one of which is audit-logged. */
describe('attendee list and export', () => {
  let t: TestApp;
  let committee: string;
  let resident: string;
  let resident2: string;
  let activityId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, resident, resident2] = await Promise.all((['committee', 'resident', 'resident2'] as const).map((p) => t.login(p)));
    const home = (await communityIds(t))['幸福里社区'];
    const a = await publishedActivity(t, committee, home, {
      title: '老年人智能手机课堂',
      seats: 4,
      companionsAllowed: 2,
      questions: [{ id: 'phone', kind: 'single', title: '您有智能手机吗', required: true, options: ['有', '没有'] }],
    });
    activityId = a.id;
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: { answers: { phone: '有' }, companions: [{ name: '李大爷', relation: '老伴' }] } }, resident));
    ok(await t.call(routes.signUp, { params: { id: a.id }, body: { answers: { phone: '没有' } } }, resident2));
  });
  afterAll(() => t.close());

  const download = (format: string, token: string) =>
    fetch(`${t.base}/api${buildPath(routes.exportSignups.path, { id: activityId })}?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('lists attendees with answers, companions and the seat fill threshold', async () => {
    const list = ok(await t.call(routes.listSignups, { params: { id: activityId } }, committee));
    expect(list.fill).toEqual({ seats: 4, seatsTaken: 3, percent: 75, threshold: 50 });
    expect(list.items).toEqual([
      expect.objectContaining({ status: 'confirmed', size: 2, answers: { phone: '有' }, companions: [{ name: '李大爷', relation: '老伴' }], user: expect.objectContaining({ noShowCount: 0 }) }),
      expect.objectContaining({ status: 'confirmed', size: 1, answers: { phone: '没有' } }),
    ]);
    expect((await t.call(routes.listSignups, { params: { id: activityId } }, resident)).status).toBe(403);
    const streetOther = await t.login('social-worker');
    expect((await t.call(routes.listSignups, { params: { id: activityId } }, streetOther)).error?.code).toBe('OUT_OF_SCOPE');
  });

  it('exports CSV with the title in the file name, and logs the export', async () => {
    const response = await download('csv', committee);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('老年人智能手机课堂-报名名单.csv')}`);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"/);
    // Personal data: not sniffed, not kept by any cache (common/send-file.ts, the one download helper).
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const text = await response.text();
    const rows = parse(text.replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(expect.arrayContaining(['昵称', '状态', '同行家人', '您有智能手机吗']));
    expect(rows).toHaveLength(3);
    const column = (name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)]);
    expect(column('您有智能手机吗')).toEqual(['有', '没有']);
    expect(column('同行家人')).toEqual(['李大爷(老伴)', '']);
    expect(column('状态')).toEqual(['已报名', '已报名']);

    const audit = (await t.app.get(AuditRepository).list({ action: 'activity.export_signups' })).filter((a) => a.targetId === activityId);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail)).toEqual({ format: 'csv', rows: 2 });
  });

  it('exports an Excel workbook that opens with the same rows', async () => {
    const response = await download('xlsx', committee);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('老年人智能手机课堂');
    expect(sheet.rowCount).toBe(3);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('您有智能手机吗');
    expect(sheet.getRow(2).getCell(header.indexOf('您有智能手机吗') + 1).value).toBe('有');
    const audit = (await t.app.get(AuditRepository).list({ action: 'activity.export_signups' })).filter((a) => a.targetId === activityId);
    expect(audit.map((a) => JSON.parse(a.detail).format)).toEqual(['csv', 'xlsx']);
  });

  it('refuses residents and bad formats without writing a file or a log entry', async () => {
    const before = (await t.app.get(AuditRepository).list({ action: 'activity.export_signups' })).length;
    const asResident = await download('csv', resident);
    expect(asResident.status).toBe(403);
    expect(((await asResident.json()) as { code: string }).code).toBe('FORBIDDEN');
    expect((await download('pdf', committee)).status).toBe(400);
    expect((await t.app.get(AuditRepository).list({ action: 'activity.export_signups' })).length).toBe(before);
  });

  it('keeps text a resident typed from running as a spreadsheet formula', async () => {
    const prankster = await t.login({ openid: 'formula', nickname: '=1+1' });
    ok(await t.call(routes.signUp, { params: { id: activityId }, body: { answers: { phone: '有' } } }, prankster));
    const rows = parse((await (await download('csv', committee)).text()).replace(/^\uFEFF/, '')) as string[][];
    expect(rows.map((r) => r[rows[0].indexOf('昵称')])).toContain("'=1+1");
  });
});
