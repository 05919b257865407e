import { routes } from '@linli/shared';
import { ok } from '../support/expect-ok.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const LOGS = 60;
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Logs arriving while progress is read, voids racing, and two staff editing one item at once. */
describe('delegated services under concurrency', () => {
  let t: TestApp;
  let committee: string;
  let worker: string;
  let itemId: number;
  let beneficiaryId: number;

  beforeAll(async () => {
    t = await createTestApp();
    [committee, worker] = await Promise.all([t.login('committee'), t.login('social-worker')]);
    const workerId = ok(await t.call(routes.me, {}, worker)).id;
    const contract = ok(await t.call(routes.listServiceContracts, {}, committee)).items.find((c) => c.title.startsWith('幸福里社区委托转移'))!;
    const today = chinaDay(t.clock.now());
    const created = ok(
      await t.call(
        routes.createServiceItem,
        {
          body: {
            contractId: contract.id,
            name: '竞速探访',
            targetGroup: 'elderly',
            unit: 'person_times',
            targetQuantity: 1000,
            tiers: [{ tier: '重点', everyDays: 30 }],
            workerIds: [workerId],
          },
        },
        committee,
      ),
    );
    itemId = created.id;
    beneficiaryId = ok(await t.call(routes.createBeneficiary, { params: { id: itemId }, body: { name: '竞速老人', tier: '重点' } }, committee)).id;
    expect(today >= contract.periodStart).toBe(true);
  });
  afterAll(() => t.close());

  it('counts every log exactly once while progress is read, and a read never goes backwards or over', async () => {
    const today = chinaDay(t.clock.now());
    const reads: number[] = [];
    let writing = true;
    const reader = (async () => {
      while (writing) reads.push(ok(await t.call(routes.serviceItemProgress, { params: { id: itemId } }, committee)).done);
    })();
    const replies = await Promise.all(
      Array.from({ length: LOGS }, (_, i) =>
        t.call(
          routes.createServiceLog,
          { body: { itemId, beneficiaryId: i % 2 ? beneficiaryId : null, servedOn: addDays(today, -(i % 20)), minutes: 30, form: 'visit', peopleServed: 2 } },
          worker,
        ),
      ),
    );
    writing = false;
    await reader;
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(reads.length).toBeGreaterThan(0);
    for (let i = 1; i < reads.length; i++) expect(reads[i]).toBeGreaterThanOrEqual(reads[i - 1]);
    expect(Math.max(...reads)).toBeLessThanOrEqual(2 * LOGS);

    const progress = ok(await t.call(routes.serviceItemProgress, { params: { id: itemId } }, committee));
    const logs = ok(await t.call(routes.listServiceLogs, { query: { itemId, pageSize: 100 } }, committee));
    expect(logs.total).toBe(LOGS);
    expect(progress.done).toBe(2 * LOGS);
    expect(progress.monthly.reduce((n, m) => n + m.logs, 0)).toBe(LOGS);
    // The beneficiary's last visit is the latest day logged for them (odd logs: a day ago at the latest), whatever the order.
    const entry = ok(await t.call(routes.listBeneficiaries, { params: { id: itemId } }, committee)).items[0];
    expect(entry.lastServedOn).toBe(addDays(today, -1));

    // Every log voided twice at once: each is cancelled exactly once.
    const voids = await Promise.all(
      logs.items.flatMap((l) => [0, 1].map(() => t.call(routes.voidServiceLog, { params: { id: l.id }, body: { reason: '重复录入' } }, worker))),
    );
    expect(voids.filter((r) => r.status === 201)).toHaveLength(LOGS);
    expect(voids.filter((r) => r.error?.code === 'SERVICE_LOG_ALREADY_VOIDED')).toHaveLength(LOGS);
    expect(ok(await t.call(routes.serviceItemProgress, { params: { id: itemId } }, committee)).done).toBe(0);
  });

  it('lets exactly one of two staff editing the same version win', async () => {
    const { version } = ok(await t.call(routes.getServiceItem, { params: { id: itemId } }, committee));
    for (let round = 0; round < 10; round++) {
      const current = version + round;
      const replies = await Promise.all(
        [100 + round, 200 + round].map((targetQuantity) =>
          t.call(routes.updateServiceItem, { params: { id: itemId }, body: { version: current, targetQuantity } }, committee),
        ),
      );
      expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
      expect(replies.filter((r) => r.error?.code === 'SERVICE_EDIT_CONFLICT')).toHaveLength(1);
      const winner = ok(replies.find((r) => r.status === 200)!);
      const now = ok(await t.call(routes.getServiceItem, { params: { id: itemId } }, committee));
      expect(now).toMatchObject({ version: current + 1, targetQuantity: winner.targetQuantity });
    }
  });
});
