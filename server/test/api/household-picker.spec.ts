import { routes } from '@linli/shared';
import { communityIds } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A big census is served to the picker level by level (楼栋 → 单元 → 房号), each answer small. */
describe('the household picker on a big census', () => {
  let t: TestApp;
  let committee: string;
  let newcomer: string;
  let home: number;
  const BUILDINGS = 30;
  const UNITS = 4;
  const ROOMS = 30;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, newcomer] = await Promise.all([t.login('committee'), t.login('newcomer')]);
    home = (await communityIds(t))['幸福里社区'];
    const lines = ['楼栋,单元,房号,姓名'];
    for (let b = 1; b <= BUILDINGS; b++) {
      for (let u = 1; u <= UNITS; u++) {
        for (let r = 0; r < ROOMS; r++) lines.push(`新${b}栋,${u}单元,${Math.floor(r / 2) + 1}0${(r % 2) + 1},住户${b}-${u}-${r}`);
      }
    }
    const imported = ok(await t.call(routes.importCensus, { params: { id: home }, body: { csv: lines.join('\n') } }, committee));
    expect(imported.householdsCreated).toBe(BUILDINGS * UNITS * ROOMS);
  }, 120_000);
  afterAll(() => t.close());

  /** The raw answer, to weigh it as a client receives it. */
  async function bytesOf(path: string): Promise<number> {
    const response = await fetch(`${t.base}/api${path}`, { headers: { authorization: `Bearer ${newcomer}` } });
    expect(response.status).toBe(200);
    return (await response.arrayBuffer()).byteLength;
  }

  it('lists buildings, then the units of one, then the rooms of one unit', async () => {
    const buildings = ok(await t.call(routes.householdBuildings, { params: { id: home } }, newcomer)).items;
    expect(buildings).toEqual(expect.arrayContaining(['新1栋', '新30栋', '3栋']));
    expect(new Set(buildings).size).toBe(buildings.length);

    const units = ok(await t.call(routes.householdUnits, { params: { id: home }, query: { building: '新7栋' } }, newcomer)).items;
    expect(units).toEqual(['1单元', '2单元', '3单元', '4单元']);
    expect(ok(await t.call(routes.householdUnits, { params: { id: home }, query: { building: '没有这栋' } }, newcomer)).items).toEqual([]);

    const rooms = ok(await t.call(routes.households, { params: { id: home }, query: { building: '新7栋', unit: '2单元' } }, newcomer));
    expect(rooms.total).toBe(ROOMS);
    expect(rooms.items).toHaveLength(ROOMS);
    expect(rooms.items.every((h) => h.building === '新7栋' && h.unit === '2单元' && h.communityId === home)).toBe(true);
  });

  it('keeps every answer small, even the whole list asked for at once', async () => {
    const sizes = {
      buildings: await bytesOf(`/communities/${home}/buildings`),
      units: await bytesOf(`/communities/${home}/units?building=${encodeURIComponent('新7栋')}`),
      rooms: await bytesOf(`/communities/${home}/households?building=${encodeURIComponent('新7栋')}&unit=${encodeURIComponent('2单元')}`),
      everything: await bytesOf(`/communities/${home}/households`),
    };
    for (const size of Object.values(sizes)) expect(size).toBeLessThan(64 * 1024);
    const all = ok(await t.call(routes.households, { params: { id: home }, query: {} }, newcomer));
    expect(all.items).toHaveLength(500);
    expect(all.total).toBe(BUILDINGS * UNITS * ROOMS + 144);
  });

  it('pages through a unit without gaps or repeats', async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 5; page++) {
      const reply = ok(await t.call(routes.households, { params: { id: home }, query: { building: '新3栋', unit: '4单元', page, pageSize: 7 } }, newcomer));
      expect(reply).toMatchObject({ total: ROOMS, page, pageSize: 7 });
      seen.push(...reply.items.map((h) => h.id));
    }
    expect(seen).toHaveLength(ROOMS);
    expect(new Set(seen).size).toBe(ROOMS);
  });

  it('refuses a page size over 500 and units without a building, and answers 404 for a community that does not exist', async () => {
    expect(await t.call(routes.households, { params: { id: home }, query: { pageSize: 501 } }, newcomer)).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } });
    expect(await t.call(routes.householdUnits, { params: { id: home }, query: {} as never }, newcomer)).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } });
    expect(await t.call(routes.householdBuildings, { params: { id: 999999 } }, newcomer)).toMatchObject({ status: 404, error: { code: 'COMMUNITY_NOT_FOUND' } });
    expect(await t.call(routes.householdUnits, { params: { id: 999999 }, query: { building: '1栋' } }, newcomer)).toMatchObject({ status: 404, error: { code: 'COMMUNITY_NOT_FOUND' } });
  });
});
