import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'mysql2/promise';

/**
 * What the server writes for one ballot, through bare mysql2 on a pool of the same size and with the same
 * statements: the participation row (inserted only while the poll is open and the voter has a residency in the
 * community), the ballot row and its choice row, in one transaction.
 */
export async function bareBallot(pool: Pool, ballot: { pollId: number; questionId: number; optionId: number; communityId: number; voterId: number }): Promise<boolean> {
  const { pollId, questionId, optionId, communityId, voterId } = ballot;
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const now = new Date();
    const [eligible] = await conn.query(
      'INSERT INTO poll_participation (pollId, voterKey, channel, namedBallotId, createdAt) ' +
        "SELECT p.id, ?, ?, ?, ? FROM poll p INNER JOIN residency r ON p.id = ? AND p.status = 'open' AND p.opensAt <= ? AND p.closesAt > ? " +
        'WHERE r.userId = ? AND r.communityId = ? ORDER BY r.householdId LIMIT 1',
      [`u:${voterId}`, 'online', null, now, pollId, now, now, voterId, communityId],
    );
    if ((eligible as { affectedRows: number }).affectedRows !== 1) {
      await conn.rollback();
      return false;
    }
    const ballotId = randomBytes(16).toString('hex');
    const answers = JSON.stringify([{ questionId: questionId, optionIds: [optionId] }]);
    const receipt = createHash('sha256').update(randomBytes(10)).digest('hex');
    await conn.query('INSERT INTO poll_ballot (id, pollId, answers, opinion, receiptHash) VALUES (?, ?, ?, ?, ?)', [ballotId, pollId, answers, '', receipt]);
    await conn.query('INSERT INTO poll_choice (pollId, optionId, ballotId, questionId) VALUES (?, ?, ?, ?)', [pollId, optionId, ballotId, questionId]);
    await conn.commit();
    return true;
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}
