import { createHash, randomBytes } from 'node:crypto';
import type { Pool, PoolConnection } from 'mysql2/promise';

export interface BareBallot {
  pollId: number;
  questionId: number;
  optionId: number;
  communityId: number;
  voterId: number;
}

/** The participation row, inserted only while the poll is open and the voter has a residency in the community. */
async function takePart(conn: PoolConnection, b: BareBallot, now: Date): Promise<boolean> {
  const [result] = await conn.query(
    'INSERT INTO poll_participation (pollId, voterKey, channel, namedBallotId, createdAt) ' +
      "SELECT p.id, ?, ?, ?, ? FROM poll p INNER JOIN residency r ON p.id = ? AND p.status = 'open' AND p.opensAt <= ? AND p.closesAt > ? " +
      'WHERE r.userId = ? AND r.communityId = ? ORDER BY r.householdId LIMIT 1',
    [`u:${b.voterId}`, 'online', null, now, b.pollId, now, now, b.voterId, b.communityId],
  );
  return (result as { affectedRows: number }).affectedRows === 1;
}

/** One-per-person votes of one poll, together: the poll and the residencies read with shared locks, one insert. */
async function takePartTogether(conn: PoolConnection, ballots: BareBallot[], now: Date): Promise<boolean[]> {
  const [{ pollId, communityId }] = ballots;
  const [open] = await conn.query("SELECT p.id FROM poll p WHERE p.id = ? AND p.status = 'open' AND p.opensAt <= ? AND p.closesAt > ? LOCK IN SHARE MODE", [pollId, now, now]);
  if ((open as unknown[]).length === 0) return ballots.map(() => false);
  const [rows] = await conn.query(`SELECT r.userId AS userId FROM residency r WHERE r.communityId = ? AND r.userId IN (${ballots.map(() => '?').join(', ')}) LOCK IN SHARE MODE`, [
    communityId,
    ...ballots.map((b) => b.voterId),
  ]);
  const eligible = new Set((rows as { userId: number }[]).map((r) => r.userId));
  const written = ballots.filter((b) => eligible.has(b.voterId));
  if (written.length > 0) {
    await conn.query(
      `INSERT INTO poll_participation (pollId, voterKey, channel, namedBallotId, createdAt) VALUES ${written.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      written.flatMap((b) => [pollId, `u:${b.voterId}`, 'online', null, now]),
    );
  }
  return ballots.map((b) => eligible.has(b.voterId));
}

/** The ballot rows and their choice rows, one statement each however many ballots. */
async function dropAll(conn: PoolConnection, ballots: BareBallot[]): Promise<void> {
  if (ballots.length === 0) return;
  const rows = ballots.map((b) => ({ ...b, id: randomBytes(16).toString('hex') }));
  const receipt = () => createHash('sha256').update(randomBytes(10)).digest('hex');
  await conn.query(
    `INSERT INTO poll_ballot (id, pollId, answers, opinion, receiptHash) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
    rows.flatMap((b) => [b.id, b.pollId, JSON.stringify([{ questionId: b.questionId, optionIds: [b.optionId] }]), '', receipt()]),
  );
  await conn.query(
    `INSERT INTO poll_choice (pollId, optionId, ballotId, questionId) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')}`,
    rows.flatMap((b) => [b.pollId, b.optionId, b.id, b.questionId]),
  );
}

/** `write` in one transaction on a pooled connection of the same pool size as the server's. */
async function inTransaction<T>(pool: Pool, write: (conn: PoolConnection) => Promise<T>): Promise<T> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const value = await write(conn);
    await conn.commit();
    return value;
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}

/**
 * What the server writes for one ballot, through bare mysql2 with the same statements: the participation row, the
 * ballot row and its choice row, one transaction per ballot.
 */
export function bareBallot(pool: Pool, ballot: BareBallot): Promise<boolean> {
  return inTransaction(pool, async (conn) => {
    if (!(await takePart(conn, ballot, new Date()))) return false;
    await dropAll(conn, [ballot]);
    return true;
  });
}

/**
 * The same writes grouped as the server's BallotWriter groups them: up to 4 transactions at once, each taking
 * up to 64 of the ballots waiting, with the server's statements for one-per-person votes (poll and residencies
 * read with shared locks, one participation insert, one for the ballot rows, one for the choice rows). What a
 * framework-free server doing the server's group commit would reach. The voters are distinct: no fallback.
 */
export function groupedBareBallots(pool: Pool): (ballot: BareBallot) => Promise<boolean> {
  const queue: { ballot: BareBallot; done: (recorded: Promise<boolean>) => void }[] = [];
  let writing = 0;
  const next = () => {
    while (writing < 4 && queue.length > 0) {
      const group = queue.splice(0, 64);
      writing++;
      const written = inTransaction(pool, (conn) => takePartTogether(conn, group.map((w) => w.ballot), new Date()).then(async (recorded) => {
        await dropAll(conn, group.filter((_, i) => recorded[i]).map((w) => w.ballot));
        return recorded;
      }));
      group.forEach((w, i) => w.done(written.then((recorded) => recorded[i])));
      void written.catch(() => undefined).finally(() => {
        writing--;
        next();
      });
    }
  };
  return (ballot) =>
    new Promise<boolean>((resolve, reject) => {
      queue.push({ ballot, done: (recorded) => recorded.then(resolve, reject) });
      next();
    });
}
