import { routes, type CreateServicePoint } from '@linli/shared';
import { AuditRepository } from '../../src/audit/audit.repository.js';
import { Community } from '../../src/communities/community.entity.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The 15-minute service circle: managing service points, community centres, and what is near a resident. */
describe('service points (一刻钟服务圈)', () => {
  let t: TestApp;
  let admin: string;
  let committee: string;
  let resident: string;
  let resident2: string;
  let newcomer: string;
  let xingfuli: number;
  let chunhui: number;
  let home: number;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, committee, resident, resident2, newcomer] = await Promise.all([
      t.login('street-admin'),
      t.login('committee'),
      t.login('resident'),
      t.login('resident2'),
      t.login('newcomer'),
    ]);
    const communities = ok(await t.call(routes.communities)).items;
    xingfuli = communities.find((c) => c.name === '幸福里社区')!.id;
    chunhui = communities.find((c) => c.name === '春晖园社区')!.id;
    home = ok(await t.call(routes.me, {}, resident)).residencies[0].household.id;
  });
  afterAll(() => t.close());

  /** A Wednesday, 10:00 in Shanghai (02:00 UTC). */
  const wednesdayTen = new Date('2026-12-09T02:00:00Z');
  const audit = (action: string) => t.app.get(AuditRepository).list({ action });
  const point = (over: Partial<CreateServicePoint> = {}): CreateServicePoint => ({
    name: '测试老年食堂',
    kind: 'elderly_canteen',
    organisationId: null,
    address: '和平路100号',
    lat: 30.5,
    lng: 114.3,
    hours: { periods: [{ day: 3, open: '11:00', close: '13:00' }], note: '' },
    services: ['助餐'],
    phone: '027-12345678',
    communityId: xingfuli,
    ...over,
  });

  it('shows a resident the seeded points around their household, nearest first, with walking estimates and open-now', async () => {
    t.clock.set(wednesdayTen);
    const near = ok(await t.call(routes.nearbyServicePoints, { query: { householdId: home } }, resident));
    expect(near.origin).toEqual({ lat: 25.04, lng: 102.71, source: 'household', communityName: '幸福里社区' });
    expect(near.items.length).toBeGreaterThanOrEqual(10);
    const distances = near.items.map((p) => p.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(near.items[0]).toMatchObject({ name: '和平街道社会工作服务站', communityId: null, organisation: { name: '启航社会工作服务中心' } });
    // Seeded 60 m north and 40 m east of the centre: 72 m in a straight line.
    expect(near.items[0].distanceMeters).toBeGreaterThanOrEqual(71);
    expect(near.items[0].distanceMeters).toBeLessThanOrEqual(73);
    expect(near.items[0]).toMatchObject({ walkingMeters: Math.round(near.items[0].distanceMeters * 1.3), walkingMinutes: 1, openNow: true });
    const byName = new Map(near.items.map((p) => [p.name, p]));
    expect(byName.get('幸福里卫生服务站')).toMatchObject({ openNow: true, today: [{ open: '08:00', close: '20:00' }] });
    expect(byName.get('幸福里儿童之家')).toMatchObject({ openNow: false, today: [{ open: '16:00', close: '19:00' }] });
    t.clock.reset();
  });

  it('tells open from closed by the Shanghai clock: lunch breaks, evenings and days off', async () => {
    const station = async (at: string) => {
      t.clock.set(new Date(at));
      const near = ok(await t.call(routes.nearbyServicePoints, { query: { householdId: home, kind: 'social_work_station' } }, resident));
      return near.items[0];
    };
    // Office hours Monday to Friday, 08:30–12:00 and 14:00–17:30.
    expect((await station('2026-12-09T00:29:00Z')).openNow).toBe(false); // 08:29 Wednesday
    expect((await station('2026-12-09T00:30:00Z')).openNow).toBe(true); // 08:30
    expect((await station('2026-12-09T04:30:00Z')).openNow).toBe(false); // 12:30, lunch
    expect((await station('2026-12-09T09:29:00Z')).openNow).toBe(true); // 17:29
    expect((await station('2026-12-09T09:30:00Z')).openNow).toBe(false); // 17:30: closed
    const sunday = await station('2026-12-13T02:00:00Z'); // Sunday 10:00
    expect(sunday).toMatchObject({ openNow: false, today: [] });
    // 23:30 UTC on a Sunday is 07:30 on Monday in Shanghai: Monday's hours apply.
    expect((await station('2026-12-13T23:30:00Z')).today).toEqual([
      { open: '08:30', close: '12:00' },
      { open: '14:00', close: '17:30' },
    ]);
    t.clock.reset();
  });

  it('measures from a given position, keeps to the radius and the limit, and orders by distance', async () => {
    // A quiet spot far from the demo street, with points 1.112 km, 2.224 km and 4.448 km due north.
    const base = { lat: 30.5, lng: 114.3 };
    const ids: number[] = [];
    for (const [i, dLat] of [0.02, 0.01, 0.04].entries()) {
      ids.push(ok(await t.call(routes.createServicePoint, { body: point({ name: `北${i}`, lat: base.lat + dLat }) }, committee)).id);
    }
    const near = ok(await t.call(routes.nearbyServicePoints, { query: base }, resident));
    expect(near.origin).toEqual({ ...base, source: 'position', communityName: null });
    expect(near.radiusMeters).toBe(3000);
    expect(near.items.map((p) => p.name)).toEqual(['北1', '北0']);
    expect(near.items[0].distanceMeters).toBe(1112);
    expect(near.items[1].distanceMeters).toBe(2224);
    expect(near.items[0]).toMatchObject({ walkingMeters: 1446, walkingMinutes: 21 });

    const wide = ok(await t.call(routes.nearbyServicePoints, { query: { ...base, radius: 5000 } }, resident));
    expect(wide.items.map((p) => p.name)).toEqual(['北1', '北0', '北2']);
    const one = ok(await t.call(routes.nearbyServicePoints, { query: { ...base, radius: 5000, limit: 1 } }, resident));
    expect(one.items.map((p) => p.name)).toEqual(['北1']);
    const health = ok(await t.call(routes.nearbyServicePoints, { query: { ...base, kind: 'health_station' } }, resident));
    expect(health.items).toEqual([]);
    for (const id of ids) ok(await t.call(routes.deleteServicePoint, { params: { id } }, committee));
  });

  it('refuses bad positions and households that are not the caller\'s, each with its own code', async () => {
    const near = (query: Record<string, unknown>, token = resident) => t.call(routes.nearbyServicePoints, { query } as never, token);
    expect((await near({})).error?.code).toBe('VALIDATION_FAILED');
    expect((await near({ lat: 25 })).error?.code).toBe('VALIDATION_FAILED');
    expect((await near({ lat: 25, lng: 102, householdId: home })).error?.code).toBe('VALIDATION_FAILED');
    expect((await near({ lat: 'north', lng: 102 })).error?.code).toBe('VALIDATION_FAILED');
    expect((await near({ lat: 25, lng: 102, radius: 5001 })).error?.code).toBe('VALIDATION_FAILED');
    const outside = await near({ lat: 48.85, lng: 2.35 });
    expect(outside.status).toBe(400);
    expect(outside.error).toMatchObject({ code: 'COORDINATES_OUT_OF_RANGE', message: expect.stringContaining('重新选点') });
    expect((await near({ lat: 95, lng: 102 })).error?.code).toBe('COORDINATES_OUT_OF_RANGE');
    expect((await near({ householdId: home }, resident2)).error?.code).toBe('NEAR_HOUSEHOLD_NOT_YOURS');
    expect((await near({ householdId: home }, newcomer)).status).toBe(403);
    expect((await t.call(routes.nearbyServicePoints, { query: { householdId: home } })).status).toBe(401);

    await t.db.run((em) => em.update(Community, { id: xingfuli }, { centreLat: null, centreLng: null }));
    const unknown = await near({ householdId: home });
    expect(unknown.status).toBe(409);
    expect(unknown.error?.code).toBe('NEAR_ORIGIN_UNKNOWN');
    ok(await t.call(routes.setCommunityCentre, { params: { id: xingfuli }, body: { lat: 25.04, lng: 102.71 } }, committee));
    expect(ok(await near({ householdId: home })).origin.lat).toBe(25.04);
  });

  it('lets committee staff manage their community\'s points and street admins the street\'s, audit-logged', async () => {
    const body = point({
      name: '幸福里第二老年食堂',
      hours: {
        periods: [
          { day: 1, open: '11:00', close: '13:00' },
          { day: 1, open: '17:00', close: '18:30' },
        ],
        note: '节假日照常',
      },
      services: ['助餐', '送餐上门'],
    });
    const created = await t.call(routes.createServicePoint, { body }, committee);
    expect(created.status).toBe(201);
    const made = ok(created);
    const { organisationId: _, ...fields } = body;
    expect(made).toMatchObject({ ...fields, communityName: '幸福里社区', organisation: null });
    expect(ok(await t.call(routes.getServicePoint, { params: { id: made.id } }, resident))).toEqual(made);
    expect((await audit('service_point.create')).some((a) => a.targetId === made.id && a.actorId !== null)).toBe(true);

    const qihang = ok(await t.call(routes.organisationRegistry, { query: { q: '启航' } }, admin)).items[0];
    const changed = ok(
      await t.call(routes.updateServicePoint, { params: { id: made.id }, body: { phone: '0871-1234567', organisationId: qihang.id, lat: 25.05 } }, committee),
    );
    expect(changed).toMatchObject({ phone: '0871-1234567', organisation: { id: qihang.id, name: '启航社会工作服务中心' }, lat: 25.05, lng: 114.3 });
    const updates = await audit('service_point.update');
    expect(updates.find((a) => a.targetId === made.id)!.detail).toContain('0871-1234567');

    // The committee sees its community's points only; the street admin also the street's own and every community's.
    const mine = ok(await t.call(routes.servicePoints, { query: { pageSize: 100 } }, committee));
    expect(mine.items.every((p) => p.communityId === xingfuli)).toBe(true);
    expect(mine.items.map((p) => p.name)).toContain('幸福里第二老年食堂');
    const street = ok(await t.call(routes.servicePoints, { query: { pageSize: 100 } }, admin));
    expect(street.total).toBe(mine.total + 9); // the other four communities' eight and the street's own
    expect(street.items.some((p) => p.communityId === null)).toBe(true);
    const canteens = ok(await t.call(routes.servicePoints, { query: { kind: 'elderly_canteen', q: '幸福里', pageSize: 1 } }, admin));
    expect(canteens).toMatchObject({ total: 2, pageSize: 1 });
    expect(ok(await t.call(routes.servicePoints, { query: { communityId: chunhui } }, admin)).total).toBe(2);

    // Out of scope: another community's point, a street-level point, residents.
    const chunhuiPoint = ok(await t.call(routes.servicePoints, { query: { communityId: chunhui } }, admin)).items[0];
    expect((await t.call(routes.updateServicePoint, { params: { id: chunhuiPoint.id }, body: { phone: '1' } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.createServicePoint, { body: point({ communityId: chunhui }) }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.createServicePoint, { body: point({ communityId: null }) }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.createServicePoint, { body: point() }, resident)).error?.code).toBe('FORBIDDEN');
    expect((await t.call(routes.servicePoints, {}, resident)).error?.code).toBe('FORBIDDEN');

    const streetLevel = ok(await t.call(routes.createServicePoint, { body: point({ communityId: null, name: '街道卫生服务站', kind: 'health_station' }) }, admin));
    expect(streetLevel).toMatchObject({ communityId: null, communityName: null });
    expect((await t.call(routes.deleteServicePoint, { params: { id: streetLevel.id } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    ok(await t.call(routes.deleteServicePoint, { params: { id: streetLevel.id } }, admin));

    expect(ok(await t.call(routes.deleteServicePoint, { params: { id: made.id } }, committee))).toEqual({ ok: true });
    expect((await t.call(routes.getServicePoint, { params: { id: made.id } }, resident)).error?.code).toBe('SERVICE_POINT_NOT_FOUND');
    expect((await t.call(routes.deleteServicePoint, { params: { id: made.id } }, committee)).status).toBe(404);
    const deletion = (await audit('service_point.delete')).find((a) => a.targetId === made.id)!;
    expect(deletion.detail).toContain('幸福里第二老年食堂');
  });

  it('refuses bad points with a code and a message that says what to fix, and changes nothing', async () => {
    const before = ok(await t.call(routes.servicePoints, {}, admin)).total;
    const refuse = async (body: unknown, code: string) => {
      const reply = await t.call(routes.createServicePoint, { body: body as CreateServicePoint }, admin);
      expect(reply.status).toBe(400);
      expect(reply.error?.code).toBe(code);
      expect(reply.error?.message).toMatch(/[\u4e00-\u9fff]/);
    };
    await refuse(point({ lat: 0, lng: 0 }), 'COORDINATES_OUT_OF_RANGE');
    await refuse(point({ lat: 25, lng: 200 }), 'COORDINATES_OUT_OF_RANGE');
    await refuse(point({ organisationId: 999_999 }), 'SERVICE_POINT_ORGANISATION_UNKNOWN');
    await refuse(point({ hours: { periods: [{ day: 2, open: '18:00', close: '09:00' }], note: '' } }), 'SERVICE_POINT_HOURS_INVALID');
    await refuse(
      point({ hours: { periods: [{ day: 2, open: '08:00', close: '12:00' }, { day: 2, open: '11:00', close: '14:00' }], note: '' } }),
      'SERVICE_POINT_HOURS_INVALID',
    );
    await refuse(point({ hours: { periods: [{ day: 8, open: '08:00', close: '12:00' }], note: '' } }), 'VALIDATION_FAILED');
    await refuse(point({ hours: { periods: [{ day: 1, open: '8点', close: '12:00' }], note: '' } }), 'VALIDATION_FAILED');
    await refuse({ ...point(), kind: 'casino' }, 'VALIDATION_FAILED');
    await refuse({ ...point(), lat: '25.0' }, 'VALIDATION_FAILED');
    await refuse(point({ name: '  ' }), 'VALIDATION_FAILED');
    await refuse(point({ phone: 'call me' }), 'VALIDATION_FAILED');
    const seeded = ok(await t.call(routes.servicePoints, {}, admin)).items[0];
    const update = await t.call(routes.updateServicePoint, { params: { id: seeded.id }, body: { lat: 60 } }, admin);
    expect(update.error?.code).toBe('COORDINATES_OUT_OF_RANGE');
    expect(ok(await t.call(routes.getServicePoint, { params: { id: seeded.id } }, admin)).lat).toBe(seeded.lat);
    expect(ok(await t.call(routes.servicePoints, {}, admin)).total).toBe(before);
    expect((await t.call(routes.getServicePoint, { params: { id: 999_999 } }, resident)).error?.code).toBe('SERVICE_POINT_NOT_FOUND');
  });

  it('lets staff see and set the centres of their communities, audit-logged', async () => {
    const mine = ok(await t.call(routes.communityCentres, {}, committee)).items;
    expect(mine).toEqual([{ communityId: xingfuli, name: '幸福里社区', lat: 25.04, lng: 102.71 }]);
    expect(ok(await t.call(routes.communityCentres, {}, admin)).items).toHaveLength(5);
    const set = ok(await t.call(routes.setCommunityCentre, { params: { id: xingfuli }, body: { lat: 25.041, lng: 102.711 } }, committee));
    expect(set).toEqual({ communityId: xingfuli, name: '幸福里社区', lat: 25.041, lng: 102.711 });
    expect((await audit('community.set_centre')).some((a) => a.communityId === xingfuli)).toBe(true);
    expect((await t.call(routes.setCommunityCentre, { params: { id: chunhui }, body: { lat: 25, lng: 102 } }, committee)).error?.code).toBe('OUT_OF_SCOPE');
    expect((await t.call(routes.setCommunityCentre, { params: { id: xingfuli }, body: { lat: 1, lng: 1 } }, committee)).error?.code).toBe('COORDINATES_OUT_OF_RANGE');
    expect((await t.call(routes.communityCentres, {}, resident)).error?.code).toBe('FORBIDDEN');
    ok(await t.call(routes.setCommunityCentre, { params: { id: xingfuli }, body: { lat: 25.04, lng: 102.71 } }, committee));
  });

  it('removes a point once when two staff remove it at the same moment', async () => {
    const { id } = ok(await t.call(routes.createServicePoint, { body: point({ name: '将被删除的服务点' }) }, committee));
    const replies = await Promise.all([committee, admin].map((token) => t.call(routes.deleteServicePoint, { params: { id } }, token)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 404]);
    expect((await audit('service_point.delete')).filter((a) => a.targetId === id)).toHaveLength(1);
  });
});
