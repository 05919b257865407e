import { Injectable } from '@nestjs/common';
import type { BallotChannel, VoterMode } from '@linli/shared';
import { In } from 'typeorm';
import { Database } from '../database/database.js';
import { PollParticipation } from './poll-participation.entity.js';
import { personKey } from './poll-rules.js';
import { dateParam, placeholders } from './raw-sql.js';

/** Voting is open for poll `?` between the two times `?`, `?` (both the time of the vote for a single ballot). */
const OPEN_POLL = "p.id = ? AND p.status = 'open' AND p.opensAt <= ? AND p.closesAt > ?";

/** Residencies `r` only in these buildings (none: the whole community). */
function inBuildings(buildings: string[]): { join: string; params: string[] } {
  if (buildings.length === 0) return { join: '', params: [] };
  return { join: `INNER JOIN household h ON h.id = r.householdId AND h.building IN (${placeholders(buildings)})`, params: buildings };
}

/** Who votes online, and where: the electorate is checked by the same statement that records the vote. */
export interface OnlineVoter {
  userId: number;
  communityId: number;
  /** Empty: the whole community. */
  buildings: string[];
  mode: VoterMode;
  /** One vote per household: the household that votes; undefined = the voter's first eligible one. */
  householdId?: number;
}

/** Who took part. Never touches ballots: the link between the two exists only for named ballots (namedBallotId). */
@Injectable()
export class ParticipationRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records that a voter took part, in one statement that also checks that voting is open and, online, that
   * they may vote: the row is inserted only if the poll is open now and (online) a residency of theirs in the
   * community, and in the poll's buildings, exists. Its voter key is the person, or the household of that
   * residency; paper ballots bring the key staff chose. Reading the poll row this way takes a shared lock on it
   * (MySQL locks what INSERT … SELECT reads), which ballots never contend for but closing waits on, so a ballot
   * commits before the close or not at all.
   *
   * False when nothing was inserted (not open, or not eligible); a unique violation when the voter (or their
   * household) already voted.
   */
  async insertIfAllowed(pollId: number, voter: OnlineVoter | string, channel: BallotChannel, namedBallotId: string | null, at: Date): Promise<boolean> {
    const now = dateParam(this.db, at);
    if (typeof voter === 'string') {
      const sql = `INSERT INTO poll_participation (pollId, voterKey, channel, namedBallotId, createdAt) SELECT p.id, ?, ?, ?, ? FROM poll p WHERE ${OPEN_POLL}`;
      return (await this.db.execute(sql, [voter, channel, namedBallotId, now, pollId, now, now])) === 1;
    }
    const params: unknown[] = [];
    let key = this.db.kind === 'mysql' ? "CONCAT('h:', r.householdId)" : "'h:' || r.householdId";
    if (voter.mode === 'person') {
      key = '?';
      params.push(personKey(voter.userId));
    }
    params.push(channel, namedBallotId, now, pollId, now, now);
    const buildings = inBuildings(voter.buildings);
    params.push(...buildings.params, voter.userId, voter.communityId);
    let household = '';
    if (voter.mode === 'household' && voter.householdId !== undefined) {
      household = 'AND r.householdId = ?';
      params.push(voter.householdId);
    }
    const sql =
      'INSERT INTO poll_participation (pollId, voterKey, channel, namedBallotId, createdAt) ' +
      `SELECT p.id, ${key}, ?, ?, ? FROM poll p INNER JOIN residency r ON ${OPEN_POLL} ${buildings.join} ` +
      `WHERE r.userId = ? AND r.communityId = ? ${household} ORDER BY r.householdId LIMIT 1`;
    return (await this.db.execute(sql, params)) === 1;
  }

  /**
   * Records that several people vote online in one poll, one vote per person, in three statements whatever their
   * number: the poll row read with a shared lock (open over all their times? closing waits for the lock, as for
   * insertIfAllowed), their residencies in the community and buildings read with shared locks (who may vote), and
   * one multi-row insert of the eligible voters' rows. Resolves with the users whose row was written (everyone
   * else is not eligible), or null when voting is not open at every one of their times: then nothing was written
   * and each vote needs insertIfAllowed's own answer. A unique violation (someone already voted) writes nothing
   * and leaves the caller's transaction usable for that too.
   */
  async insertPeopleIfAllowed(
    pollId: number,
    electorate: { communityId: number; buildings: string[] },
    voters: { userId: number; namedBallotId: string | null; at: Date }[],
  ): Promise<Set<number> | null> {
    const times = voters.map((v) => v.at.getTime());
    const [first, last] = [new Date(Math.min(...times)), new Date(Math.max(...times))];
    const shared = this.db.kind === 'mysql' ? ' LOCK IN SHARE MODE' : '';
    const open = await this.db.rawQuery(`SELECT p.id FROM poll p WHERE ${OPEN_POLL}${shared}`, [pollId, dateParam(this.db, first), dateParam(this.db, last)]);
    if (open.length === 0) return null;
    const buildings = inBuildings(electorate.buildings);
    const rows = await this.db.rawQuery<{ userId: number }>(
      `SELECT r.userId AS userId FROM residency r ${buildings.join} WHERE r.communityId = ? AND r.userId IN (${placeholders(voters)})${shared}`,
      [...buildings.params, electorate.communityId, ...voters.map((v) => v.userId)],
    );
    const eligible = new Set(rows.map((r) => Number(r.userId)));
    const written = voters.filter((v) => eligible.has(v.userId));
    if (written.length === 0) return eligible;
    await this.db.execute(
      `INSERT INTO poll_participation (pollId, voterKey, channel, namedBallotId, createdAt) VALUES ${written.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      written.flatMap((v) => [pollId, personKey(v.userId), 'online', v.namedBallotId, dateParam(this.db, v.at)]),
    );
    return eligible;
  }

  /** How many voted, online and on paper. */
  counts(pollId: number): Promise<{ online: number; paper: number }> {
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(PollParticipation, 'p')
        .select('p.channel', 'channel')
        .addSelect('COUNT(*)', 'n')
        .where('p.pollId = :pollId', { pollId })
        .groupBy('p.channel')
        .getRawMany<{ channel: BallotChannel; n: string | number }>();
      const count = (channel: BallotChannel) => Number(rows.find((r) => r.channel === channel)?.n ?? 0);
      return { online: count('online'), paper: count('paper') };
    });
  }

  /** How many voted in each of these polls, online and on paper: one grouped count (polls nobody voted in are left out). */
  countsOf(pollIds: number[]): Promise<Map<number, { online: number; paper: number }>> {
    if (pollIds.length === 0) return Promise.resolve(new Map());
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(PollParticipation, 'p')
        .select('p.pollId', 'pollId')
        .addSelect('p.channel', 'channel')
        .addSelect('COUNT(*)', 'n')
        .where('p.pollId IN (:...pollIds)', { pollIds })
        .groupBy('p.pollId')
        .addGroupBy('p.channel')
        .getRawMany<{ pollId: string | number; channel: BallotChannel; n: string | number }>();
      const out = new Map<number, { online: number; paper: number }>();
      for (const row of rows) {
        const counts = out.get(Number(row.pollId)) ?? { online: 0, paper: 0 };
        counts[row.channel] = Number(row.n);
        out.set(Number(row.pollId), counts);
      }
      return out;
    });
  }

  /** The first of these voter keys that has voted in the poll, or null. */
  find(pollId: number, voterKeys: string[]): Promise<PollParticipation | null> {
    if (voterKeys.length === 0) return Promise.resolve(null);
    return this.db.run((em) => em.findOne(PollParticipation, { where: { pollId, voterKey: In(voterKeys) }, order: { voterKey: 'ASC' } }));
  }

  /** Of these polls, those where any of these voter keys has voted. */
  votedIn(pollIds: number[], voterKeys: string[]): Promise<Set<number>> {
    if (pollIds.length === 0 || voterKeys.length === 0) return Promise.resolve(new Set());
    return this.db.run(async (em) => {
      const rows = await em.find(PollParticipation, { select: { pollId: true }, where: { pollId: In(pollIds), voterKey: In(voterKeys) } });
      return new Set(rows.map((r) => r.pollId));
    });
  }

  /** Participation of these voter keys in one poll, keyed by voter key. */
  ofKeys(pollId: number, voterKeys: string[]): Promise<Map<string, PollParticipation>> {
    if (voterKeys.length === 0) return Promise.resolve(new Map());
    return this.db.run(async (em) => {
      const rows = await em.findBy(PollParticipation, { pollId, voterKey: In(voterKeys) });
      return new Map(rows.map((r) => [r.voterKey, r]));
    });
  }
}
