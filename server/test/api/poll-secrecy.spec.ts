import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routes } from '@linli/shared';
import { PollParticipation } from '../../src/polls/poll-participation.entity.js';
import { communityIds } from '../support/activities.js';
import { ok } from '../support/expect-ok.js';
import { openPoll, verifiedResidents, type TestResident } from '../support/polls.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDatabaseKind } from '../support/test-database.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/**
 * A secret ballot cannot be joined to its voter: not through the schema (no column to join on, no timestamp, no
 * shared sequence, no order), not through any query the server runs, and not through any code path.
 */
describe('secret ballots', () => {
  let t: TestApp;
  let committee: string;
  let home: number;
  let voters: TestResident[];

  beforeAll(async () => {
    t = await createTestApp();
    committee = await t.login('committee');
    home = (await communityIds(t))['幸福里社区'];
    voters = await verifiedResidents(t, committee, home, { prefix: '秘', building: '5栋', households: 31, openidPrefix: 'secret' });
  });
  afterAll(() => t.close());

  const sql = <T>(query: string, params: unknown[] = []) => t.db.run((em) => em.query(query, params) as Promise<T>);

  it('stores ballots and their choices with nothing that names, times or orders them', async () => {
    type Column = { name: string; type: string; extra: string };
    const inspect = async (table: string) => {
      if (testDatabaseKind === 'sqlite') {
        const columns = (await sql<{ name: string; type: string }[]>(`PRAGMA table_info(${table})`)).map((c) => ({ ...c, extra: '' }));
        const [created] = await sql<{ sql: string }[]>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
        // Without this, SQLite keeps a hidden, ever-increasing rowid: the order ballots arrived in.
        expect(created.sql).toMatch(/WITHOUT ROWID\s*$/i);
        await expect(sql(`SELECT rowid FROM ${table}`)).rejects.toThrow(/rowid/);
        return { columns, foreignKeys: await sql<unknown[]>(`PRAGMA foreign_key_list(${table})`) };
      }
      const columns = await sql<Column[]>(
        'SELECT COLUMN_NAME AS name, DATA_TYPE AS type, EXTRA AS extra FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?',
        [table],
      );
      const foreignKeys = await sql<unknown[]>(
        'SELECT CONSTRAINT_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL',
        [table],
      );
      return { columns, foreignKeys };
    };
    for (const [table, names] of [
      ['poll_ballot', ['answers', 'id', 'opinion', 'opinionHeld', 'pollId', 'receiptHash']],
      ['poll_choice', ['ballotId', 'optionId', 'pollId', 'questionId']],
    ] as const) {
      const { columns, foreignKeys } = await inspect(table);
      expect(columns.map((c) => c.name).sort()).toEqual(names);
      expect(columns.filter((c) => /date|time|year/i.test(c.type))).toEqual([]);
      expect(columns.filter((c) => /auto_increment/i.test(c.extra))).toEqual([]);
      expect(foreignKeys).toEqual([]);
    }
  });

  it('keeps no order: neither the table nor the ids follow the order ballots were cast in', async () => {
    const poll = await openPoll(t, committee, home, {
      buildings: ['5栋'],
      questions: [{ title: '您支持哪些改造项目？', kind: 'multiple', minChoices: 1, maxChoices: 5, options: ['甲', '乙', '丙', '丁', '戊'].map((label) => ({ label })) }],
    });
    const q = poll.questions[0];
    // Voter i picks the options of the bits of i + 1: 31 different ballots, so every ballot tells who cast it in
    // this test, and the table's order can be compared with the order of voting.
    const subset = (i: number) => q.options.filter((_, bit) => ((i + 1) >> bit) & 1).map((o) => o.id);
    for (const [i, voter] of voters.entries()) {
      ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: [{ questionId: q.id, optionIds: subset(i) }] } }, voter.token));
    }
    const castOrder = voters.map((_, i) => JSON.stringify(subset(i)));
    const read = async (order: string) =>
      (await sql<{ id: string; answers: string }[]>(`SELECT id, answers FROM poll_ballot WHERE pollId = ? ${order}`, [poll.id])).map((b) => ({
        id: b.id,
        key: JSON.stringify((JSON.parse(b.answers) as { optionIds: number[] }[])[0].optionIds),
      }));
    for (const order of ['', 'ORDER BY id', 'ORDER BY receiptHash', 'ORDER BY answers']) {
      const rows = await read(order);
      expect(new Set(rows.map((r) => r.key))).toEqual(new Set(castOrder));
      expect(rows.map((r) => r.key)).not.toEqual(castOrder);
      expect(rows.map((r) => r.key)).not.toEqual([...castOrder].reverse());
    }
    const ids = (await read('')).map((b) => b.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    const participation = await t.db.run((em) => em.findBy(PollParticipation, { pollId: poll.id }));
    expect(participation).toHaveLength(31);
    expect(participation.every((p) => p.namedBallotId === null)).toBe(true);
  });

  it('never runs a query that puts a ballot beside anything that names a voter', async () => {
    const statements: string[] = [];
    const dataSource = t.db.dataSource;
    const original = dataSource.logger;
    dataSource.logger = new Proxy(original, {
      get(target, prop) {
        if (prop === 'logQuery') return (query: string) => statements.push(query);
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    try {
      const [resident, newcomer] = await Promise.all([t.login('resident'), t.login('newcomer')]);
      // Everything that touches a poll, its ballots and its voters, end to end.
      const poll = await openPoll(t, committee, home, { buildings: ['5栋'], opinionsEnabled: true, minBallots: 1, resultsVisibility: 'live' });
      const answers = [{ questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[0].id] }];
      const receipts = [];
      for (const voter of voters.slice(0, 5)) {
        receipts.push(ok(await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers, opinion: '支持' } }, voter.token)).receiptCode);
        ok(await t.call(routes.getPoll, { params: { id: poll.id } }, voter.token));
        ok(await t.call(routes.checkReceipt, { params: { id: poll.id, code: receipts.at(-1)! } }, voter.token));
      }
      ok(await t.call(routes.enterPaperBallot, { params: { id: poll.id }, body: { userId: voters[5].userId, answers } }, committee));
      ok(await t.call(routes.pollHouseholdVoters, { params: { id: poll.id }, query: { householdId: voters[5].householdId } }, committee));
      for (const token of [committee, resident, newcomer]) {
        ok(await t.call(routes.pollResults, { params: { id: poll.id } }, token));
        ok(await t.call(routes.listPolls, { query: { state: 'all' } }, token));
      }
      ok(await t.call(routes.closePoll, { params: { id: poll.id } }, committee));
      ok(await t.call(routes.publishPollResult, { params: { id: poll.id }, body: { statement: '同意。' } }, committee));
      expect((await fetch(`${t.base}/api/polls/${poll.id}/results/export`, { headers: { authorization: `Bearer ${committee}` } })).status).toBe(200);
      expect(ok(await t.call(routes.pollOpinions, { params: { id: poll.id }, query: { page: 1, pageSize: 20 } }, committee)).items).toHaveLength(5);
      ok(await t.call(routes.getPoll, { params: { id: poll.id } }, resident));
    } finally {
      dataSource.logger = original;
    }
    const table = (names: string) => new RegExp(`(?<!\\w)["\`]?(${names})["\`]?(?!\\w)`);
    const ballotQueries = statements.filter((s) => table('poll_ballot|poll_choice').test(s));
    // The ballot box is used (written, counted, checked by receipt, read for opinions)...
    expect(ballotQueries.some((s) => /^INSERT INTO ["`]?poll_ballot\b/.test(s.trim()))).toBe(true);
    expect(ballotQueries.some((s) => /^INSERT INTO ["`]?poll_choice\b/.test(s.trim()))).toBe(true);
    expect(ballotQueries.filter((s) => /^SELECT/i.test(s.trim())).length).toBeGreaterThanOrEqual(6);
    // ...but never beside a table that knows who voted, and never in a join.
    for (const query of ballotQueries) {
      const named = table('poll_participation|app_user|residency|residency_claim|household|audit_log|inbox_item').test(query);
      expect([query, named || /\bJOIN\b/i.test(query)]).toEqual([query, false]);
    }
    // And what knows who voted is never read together with what they chose.
    for (const query of statements.filter((s) => table('poll_participation').test(s))) {
      expect([query, table('poll_ballot|poll_choice').test(query)]).toEqual([query, false]);
    }
  });

  it('reaches ballots from one repository only, which knows nothing of voters', () => {
    // Source without its comments: what the code does, not what it says.
    const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const touching = files(SRC)
      .filter((f) => /PollBallot\b|poll_ballot|poll-ballot\.entity|PollChoice\b|poll_choice|poll-choice\.entity/.test(code(f)))
      .map((f) => relative(SRC, f))
      .filter((f) => !f.startsWith('database/migrations/'));
    expect(touching.sort()).toEqual(['database/entities.ts', 'polls/ballot-box.repository.ts', 'polls/poll-ballot.entity.ts', 'polls/poll-choice.entity.ts']);
    const box = code(join(SRC, 'polls/ballot-box.repository.ts'));
    const imports = [...box.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['../database/database.js', './poll-ballot.entity.js', './poll-choice.entity.js', '@nestjs/common']);
    expect(box).not.toMatch(/participation|userId|householdId|voterKey|createQueryBuilder\([^)]*\)\s*\.\s*(inner|left)Join/i);
  });

  it('answers a receipt check with counted or not, and nothing else', async () => {
    const poll = await openPoll(t, committee, home, { buildings: ['5栋'] });
    const receipt = ok(
      await t.call(routes.castBallot, { params: { id: poll.id }, body: { answers: [{ questionId: poll.questions[0].id, optionIds: [poll.questions[0].options[1].id] }] } }, voters[0].token),
    );
    expect(receipt.answers).toBeNull();
    const raw = await fetch(`${t.base}/api/polls/${poll.id}/receipts/${receipt.receiptCode}`, { headers: { authorization: `Bearer ${voters[1].token}` } });
    expect(await raw.json()).toEqual({ pollId: poll.id, counted: true });
    const [stored] = await sql<{ receiptHash: string }[]>('SELECT receiptHash FROM poll_ballot WHERE pollId = ?', [poll.id]);
    expect(stored.receiptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.receiptHash).not.toContain(receipt.receiptCode.replace(/-/g, ''));
  });
});
