import { routes } from '@linli/shared';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Street admins create, rename and archive communities; committees register households by CSV or by hand. */
describe('setting up communities and households', () => {
  let t: TestApp;
  let admin: string;
  let committee: string;
  let resident: string;
  let xingfuli: number;
  let chunhui: number;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, committee, resident] = await Promise.all([t.login('street-admin'), t.login('committee'), t.login('resident')]);
    const communities = ok(await t.call(routes.communities)).items;
    xingfuli = communities.find((c) => c.name === '幸福里社区')!.id;
    chunhui = communities.find((c) => c.name === '春晖园社区')!.id;
  });
  afterAll(() => t.close());

  const audit = (action: string) => t.app.get(AuditRepository).list({ action });

  it('lets only a street admin create a community, with a unique name in the street', async () => {
    const created = await t.call(routes.createCommunity, { body: { name: '新华社区', address: '新华路1号' } }, admin);
    expect(created.status).toBe(201);
    expect(ok(created)).toMatchObject({ name: '新华社区', address: '新华路1号', householdCount: 0, archived: false, street: { name: '和平街道' } });
    expect(ok(await t.call(routes.communities)).items.map((c) => c.name)).toContain('新华社区');

    const again = await t.call(routes.createCommunity, { body: { name: '新华社区' } }, admin);
    expect(again.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'COMMUNITY_NAME_TAKEN', message: expect.stringContaining('同名') });

    expect((await t.call(routes.createCommunity, { body: { name: '委员会建的' } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.createCommunity, { body: { name: '居民建的' } }, resident)).error?.code).toBe('FORBIDDEN');
    expect((await t.call(routes.createCommunity, { body: { name: '别的街道', streetId: 999 } }, admin)).error?.code).toBe('OUT_OF_SCOPE');
    expect(await audit('community.create')).toEqual([expect.objectContaining({ targetId: ok(created).id })]);
  });

  it('renames and archives: archived communities leave residents\' lists but keep their households', async () => {
    const { id } = ok(await t.call(routes.createCommunity, { body: { name: '旧城社区' } }, admin));
    ok(await t.call(routes.createHousehold, { params: { id }, body: { building: '1栋', unit: '1单元', room: '101' } }, admin));

    const renamed = ok(await t.call(routes.updateCommunity, { params: { id }, body: { name: '旧城里社区', address: '旧城路2号' } }, admin));
    expect(renamed).toMatchObject({ name: '旧城里社区', address: '旧城路2号' });
    const taken = await t.call(routes.updateCommunity, { params: { id }, body: { name: '幸福里社区' } }, admin);
    expect(taken.error?.code).toBe('COMMUNITY_NAME_TAKEN');

    expect((await t.call(routes.updateCommunity, { params: { id: xingfuli }, body: { archived: true } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.updateCommunity, { params: { id: 99_999 }, body: { archived: true } }, admin)).error?.code).toBe('COMMUNITY_NOT_FOUND');

    const archived = ok(await t.call(routes.updateCommunity, { params: { id }, body: { archived: true } }, admin));
    expect(archived).toMatchObject({ archived: true, householdCount: 1 });
    expect(ok(await t.call(routes.communities)).items.map((c) => c.id)).not.toContain(id);
    const withArchived = ok(await t.call(routes.communities, { query: { includeArchived: true } })).items;
    expect(withArchived.find((c) => c.id === id)).toMatchObject({ archived: true, householdCount: 1 });
    const closed = await t.call(routes.createHousehold, { params: { id }, body: { building: '1栋', unit: '1单元', room: '102' } }, admin);
    expect(closed.error?.code).toBe('COMMUNITY_ARCHIVED');

    expect(ok(await t.call(routes.updateCommunity, { params: { id }, body: { archived: false } }, admin)).archived).toBe(false);
    expect((await audit('community.archive')).map((a) => a.targetId)).toEqual([id]);
    expect((await audit('community.restore')).map((a) => a.targetId)).toEqual([id]);
  });

  it('adds a household by hand once, in the committee\'s own community only', async () => {
    const body = { building: '9栋', unit: '1单元', room: '901' };
    const created = await t.call(routes.createHousehold, { params: { id: xingfuli }, body }, committee);
    expect(created.status).toBe(201);
    expect(ok(created)).toMatchObject({ communityId: xingfuli, ...body });
    expect((await t.call(routes.createHousehold, { params: { id: xingfuli }, body }, committee)).error?.code).toBe('HOUSEHOLD_EXISTS');
    expect((await t.call(routes.createHousehold, { params: { id: chunhui }, body }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.createHousehold, { params: { id: xingfuli }, body }, resident)).error?.code).toBe('FORBIDDEN');
    expect(await audit('household.create')).toContainEqual(expect.objectContaining({ targetId: ok(created).id, communityId: xingfuli }));
  });

  it('previews a household CSV, then imports it once (a second import creates nothing)', async () => {
    const { id } = ok(await t.call(routes.createCommunity, { body: { name: '导入社区' } }, admin));
    // As a spreadsheet saves it: BOM, CRLF, a header, a blank line, a trailing empty column, a repeated line.
    const csv = '\uFEFF楼栋,单元,房号\r\n1栋,1单元,101,\r\n\r\n1栋,1单元,102\r\n"2栋", 1单元 ,201\r\n1栋,1单元,101\r\n';
    const preview = ok(await t.call(routes.importHouseholds, { params: { id }, query: { dryRun: true }, body: { csv } }, admin));
    expect(preview).toMatchObject({ dryRun: true, rows: 3, created: 3, unchanged: 0 });
    expect(preview.newHouseholds).toEqual([
      { line: 2, building: '1栋', unit: '1单元', room: '101' },
      { line: 4, building: '1栋', unit: '1单元', room: '102' },
      { line: 5, building: '2栋', unit: '1单元', room: '201' },
    ]);
    expect((await t.call(routes.households, { params: { id }, query: {} }, admin)).body).toMatchObject({ items: [], total: 0 });

    const first = ok(await t.call(routes.importHouseholds, { params: { id }, body: { csv } }, admin));
    expect(first).toMatchObject({ dryRun: false, rows: 3, created: 3, unchanged: 0 });
    // No header this time, one new household among the old.
    const again = ok(await t.call(routes.importHouseholds, { params: { id }, body: { csv: '1栋,1单元,101\n1栋,1单元,102\n2栋,1单元,201\n3栋,1单元,301' } }, admin));
    expect(again).toMatchObject({ rows: 4, created: 1, unchanged: 3, newHouseholds: [{ line: 4, building: '3栋', unit: '1单元', room: '301' }] });
    const twice = ok(await t.call(routes.importHouseholds, { params: { id }, body: { csv } }, admin));
    expect(twice).toMatchObject({ created: 0, unchanged: 3, newHouseholds: [] });
    expect(ok(await t.call(routes.households, { params: { id }, query: {} }, admin)).items).toHaveLength(4);
    expect((await audit('household.import')).filter((a) => a.communityId === id)).toHaveLength(3);
  });

  it('reads a GBK file picked from disk', async () => {
    const { id } = ok(await t.call(routes.createCommunity, { body: { name: 'GBK社区' } }, admin));
    // "楼栋,单元,房号\n5栋,2单元,503" as Chinese Excel saves it (GBK).
    const gbk = Buffer.from('c2a5b6b02cb5a5d4aa2cb7bfbac50a35b6b02c32b5a5d4aa2c353033', 'hex').toString('base64');
    const result = ok(await t.call(routes.importHouseholds, { params: { id }, body: { csvBase64: gbk } }, admin));
    expect(result.newHouseholds).toEqual([{ line: 2, building: '5栋', unit: '2单元', room: '503' }]);
    const utf8 = Buffer.from('\uFEFF楼栋,单元,房号\n6栋,1单元,601').toString('base64');
    expect(ok(await t.call(routes.importHouseholds, { params: { id }, body: { csvBase64: utf8 } }, admin)).created).toBe(1);
  });

  it('refuses a file with bad lines whole, naming each line, and writes nothing', async () => {
    const { id } = ok(await t.call(routes.createCommunity, { body: { name: '坏表社区' } }, admin));
    const csv = ['楼栋,单元,房号', '1栋,1单元,101', ',1单元,102', '1栋,1单元,103,多余', '1栋,1单元,' + '号'.repeat(33), '1栋,1单元,105'].join('\n');
    for (const dryRun of [true, false]) {
      const reply = await t.call(routes.importHouseholds, { params: { id }, query: { dryRun }, body: { csv } }, admin);
      expect(reply.status).toBe(400);
      expect(reply.error).toMatchObject({ code: 'HOUSEHOLDS_CSV_INVALID', message: expect.stringContaining('没有导入') });
      expect(reply.error!.fields!.map((f) => f.path)).toEqual(['body.csv.line3', 'body.csv.line4', 'body.csv.line5']);
      expect(reply.error!.fields![0].message).toBe('第3行：楼栋为空');
      expect(reply.error!.fields![1].message).toContain('多于3列');
      expect(reply.error!.fields![2].message).toContain('房号超过32个字');
    }
    expect(ok(await t.call(routes.households, { params: { id }, query: {} }, admin)).items).toEqual([]);
    expect((await t.call(routes.importHouseholds, { params: { id }, body: { csv: '楼栋,单元,房号\n' } }, admin)).error?.code).toBe('HOUSEHOLDS_CSV_INVALID');
    expect((await t.call(routes.importHouseholds, { params: { id }, body: {} }, admin)).error?.code).toBe('VALIDATION_FAILED');
    expect((await t.call(routes.importHouseholds, { params: { id: chunhui }, body: { csv: '1栋,1单元,101' } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
  });

  it('previews a census import before writing it', async () => {
    const csv = '楼栋,单元,房号,姓名\n1栋,1单元,101,预览甲\n8栋,1单元,801,预览乙';
    const preview = ok(await t.call(routes.importCensus, { params: { id: xingfuli }, query: { dryRun: true }, body: { csv } }, committee));
    expect(preview).toEqual({ dryRun: true, householdsCreated: 1, residentsImported: 2, claimsApproved: 0 });
    const committed = ok(await t.call(routes.importCensus, { params: { id: xingfuli }, body: { csv } }, committee));
    expect(committed).toEqual({ dryRun: false, householdsCreated: 1, residentsImported: 2, claimsApproved: 0 });
    const again = ok(await t.call(routes.importCensus, { params: { id: xingfuli }, query: { dryRun: true }, body: { csv } }, committee));
    expect(again).toMatchObject({ householdsCreated: 0, residentsImported: 0 });
  });
});
