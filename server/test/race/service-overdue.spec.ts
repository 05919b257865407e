import { routes } from '@linli/shared';
import { weekOf } from '../../src/services/days.js';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const DAY_MS = 86_400_000;
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const TIERS = ['高风险', '重点', '一般'] as const;

/**
 * The street summary counts people overdue from the due-week counts (`service_item_due_week`) kept by every register
 * and log write: after a mix of them, many at once, the counts equal a recount from the register's own rows.
 */
describe('overdue counts under a mix of concurrent writes', () => {
  let t: TestApp;
  let committee: string;
  let worker: string;
  let streetAdmin: string;
  let itemId: number;
  let periodStart: string;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, worker, streetAdmin] = await Promise.all([t.login('committee'), t.login('social-worker'), t.login('street-admin')]);
    const workerId = ok(await t.call(routes.me, {}, worker)).id;
    const contract = ok(await t.call(routes.listServiceContracts, {}, committee)).items.find((c) => c.title.startsWith('幸福里社区委托转移'))!;
    periodStart = contract.periodStart;
    const body = {
      contractId: contract.id,
      name: '逾期计数',
      targetGroup: 'elderly' as const,
      unit: 'household_visits' as const,
      targetQuantity: 1000,
      tiers: [
        { tier: '高风险', everyDays: 7 },
        { tier: '重点', everyDays: 30 },
        { tier: '一般', everyDays: 90 },
      ],
      workerIds: [workerId],
    };
    itemId = ok(await t.call(routes.createServiceItem, { body }, committee)).id;
  });
  afterAll(() => t.close());

  /** The item's due-week rows against its register, and the street's overdue figures against a count of raw rows. */
  async function expectRecount(): Promise<void> {
    const today = chinaDay(t.clock.now());
    const register = await t.db.rawQuery<{ dueOn: string | null }>(
      'SELECT `dueOn` FROM `service_beneficiary` WHERE `itemId` = ? AND `archivedAt` IS NULL',
      [itemId],
    );
    const weeks: Record<string, number> = {};
    for (const { dueOn } of register) if (dueOn !== null) weeks[weekOf(dueOn)] = (weeks[weekOf(dueOn)] ?? 0) + 1;
    const kept = await t.db.rawQuery<{ week: string; people: number | string }>(
      'SELECT `week`, `people` FROM `service_item_due_week` WHERE `itemId` = ?',
      [itemId],
    );
    expect(Object.fromEntries(kept.map((r) => [r.week, Number(r.people)]))).toEqual(weeks);

    const raw = await t.db.rawQuery<{ communityId: number; n: number | string }>(
      'SELECT i.`communityId`, COUNT(*) AS `n` FROM `service_contract` c JOIN `service_item` i ON i.`contractId` = c.`id` ' +
        'JOIN `service_beneficiary` b ON b.`itemId` = i.`id` AND b.`archivedAt` IS NULL AND b.`dueOn` < ? ' +
        'WHERE c.`streetId` = (SELECT `streetId` FROM `service_contract` c2 JOIN `service_item` i2 ON i2.`contractId` = c2.`id` WHERE i2.`id` = ?) ' +
        'AND c.`periodStart` <= ? AND c.`periodEnd` >= ? GROUP BY i.`communityId`',
      [today, itemId, today, today],
    );
    const summary = ok(await t.call(routes.streetServiceSummary, {}, streetAdmin));
    expect(summary.overdue).toBe(raw.reduce((n, r) => n + Number(r.n), 0));
    const byCommunity = Object.fromEntries(raw.map((r) => [Number(r.communityId), Number(r.n)]));
    for (const c of summary.communities) expect(c.overdue).toBe(byCommunity[c.communityId] ?? 0);
  }

  it('keeps the counts equal to a recount through adds, logs, voids, tier changes, archives and new rules', async () => {
    const today = chinaDay(t.clock.now());
    const earliest = periodStart > addDays(today, -50) ? periodStart : addDays(today, -50);
    const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(earliest)) / DAY_MS));
    const people = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        t.call(routes.createBeneficiary, { params: { id: itemId }, body: { name: `计数老人${n}`, tier: n % 4 === 3 ? null : TIERS[n % 3] } }, committee),
      ),
    );
    const ids = people.map((r) => ok(r).id);
    await expectRecount();

    // Logs for the same people at once, with register edits and archives arriving between them.
    const logs = Array.from({ length: 48 }, (_, n) =>
      t.call(
        routes.createServiceLog,
        { body: { itemId, beneficiaryId: ids[n % 8], servedOn: addDays(earliest, (n * 7) % (span + 1)), minutes: 30, form: 'visit', peopleServed: 1 } },
        worker,
      ),
    );
    const edits = [
      t.call(routes.updateBeneficiary, { params: { id: itemId, beneficiaryId: ids[0] }, body: { tier: '一般' } }, committee),
      t.call(routes.updateBeneficiary, { params: { id: itemId, beneficiaryId: ids[1] }, body: { tier: '高风险' } }, committee),
      t.call(routes.updateBeneficiary, { params: { id: itemId, beneficiaryId: ids[3] }, body: { tier: '重点' } }, committee),
      t.call(routes.deleteBeneficiary, { params: { id: itemId, beneficiaryId: ids[2] } }, committee),
      t.call(routes.deleteBeneficiary, { params: { id: itemId, beneficiaryId: ids[9] } }, committee),
    ];
    const replies = await Promise.all([...logs, ...edits]);
    // A log for someone archived while it queued is refused or lands before the archive; either way nothing drifts.
    expect(replies.every((r) => r.status < 300 || r.error?.code === 'SERVICE_BENEFICIARY_NOT_ON_ITEM')).toBe(true);
    await expectRecount();

    // Voids move due days back, several at once.
    const list = ok(await t.call(routes.listServiceLogs, { query: { itemId, pageSize: 100 } }, committee));
    const voids = await Promise.all(
      list.items.slice(0, 20).map((l) => t.call(routes.voidServiceLog, { params: { id: l.id }, body: { reason: '录错了' } }, committee)),
    );
    expect(voids.every((r) => r.status === 201)).toBe(true);
    await expectRecount();

    // New visit rules move everyone's due day at once.
    const { version } = ok(await t.call(routes.getServiceItem, { params: { id: itemId } }, committee));
    const tiers = [
      { tier: '高风险', everyDays: 3 },
      { tier: '重点', everyDays: 14 },
      { tier: '一般', everyDays: 60 },
    ];
    ok(await t.call(routes.updateServiceItem, { params: { id: itemId }, body: { version, tiers } }, committee));
    await expectRecount();

    // Days pass, inside a week and across weeks: overdue grows from the same rows.
    for (const days of [1, 3, 6, 13, 40]) {
      t.clock.set(new Date(Date.parse(`${addDays(today, days)}T04:00:00Z`)));
      await expectRecount();
    }
    t.clock.reset();
  });
});
