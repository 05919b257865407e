import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isDatabaseOutage } from '../common/database-outage.js';
import { Database, isUniqueViolation } from '../database/database.js';
import { BallotBoxRepository, type BallotChoice, type NewBallot } from './ballot-box.repository.js';
import { ParticipationRepository, type OnlineVoter } from './participation.repository.js';

/** One online ballot to record: who takes part (checked as it is written) and the anonymous ballot. */
export interface OnlineBallot {
  pollId: number;
  voter: OnlineVoter;
  /** Named ballots: the ballot's id on the participation row; secret ballots: null. */
  namedBallotId: string | null;
  at: Date;
  ballot: NewBallot;
  choices: BallotChoice[];
}

/** Recorded; refused because the voter (or their household) already voted; or not recorded (closed, not eligible). */
export type BallotOutcome = 'recorded' | 'duplicate' | 'not_recorded';

/** Transactions writing ballots at once; the rest wait in the queue and go together in the next one. */
const LANES = 4;
const MAX_GROUP = 64;

interface Waiting {
  ballot: OnlineBallot;
  settle: (outcome: Promise<BallotOutcome>) => void;
}

/**
 * Writes online ballots in groups (group commit). In a surge thousands of ballots arrive a second, each one a
 * transaction of five statements; the database's work per ballot, not Node's, set the pace. Here the ballots that
 * arrive while earlier ones are being written wait and then share one transaction: their participation rows (one
 * statement for the one-per-person votes of a poll, which also checks the poll is open and who may vote; one each
 * otherwise; the unique key refuses a second vote either way), then one statement for all their ballot rows and
 * one for all their choice rows. A lone ballot is written at once, with no timer, so a quiet poll waits for nothing.
 *
 * Every guarantee of a single-ballot transaction holds: a refused participation (duplicate key or nothing
 * inserted) only fails its own statement (MySQL and SQLite roll back the statement, not the transaction), and
 * its ballot is left out; participation and ballot rows of a group commit together or not at all. Ballot rows go
 * in shuffled, so not even a statement log pairs them with the participation rows written just before. If a
 * group fails for any other reason (after the database's own deadlock retries), its ballots are written one by
 * one, so one bad ballot cannot fail its neighbours; unless the database is unreachable, when they all answer 503.
 */
@Injectable()
export class BallotWriter {
  private readonly queue: Waiting[] = [];
  private writing = 0;

  constructor(
    private readonly db: Database,
    private readonly participation: ParticipationRepository,
    private readonly ballots: BallotBoxRepository,
  ) {}

  write(ballot: OnlineBallot): Promise<BallotOutcome> {
    return new Promise<BallotOutcome>((resolve, reject) => {
      this.queue.push({ ballot, settle: (outcome) => outcome.then(resolve, reject) });
      this.next();
    });
  }

  private next(): void {
    while (this.writing < LANES && this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_GROUP);
      this.writing++;
      void this.commit(group).finally(() => {
        this.writing--;
        this.next();
      });
    }
  }

  private async commit(group: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.db.plainTransaction(() => this.writeGroup(group.map((w) => w.ballot)));
      group.forEach((w, i) => w.settle(Promise.resolve(outcomes[i])));
    } catch (error) {
      // With the database down or frozen every ballot would wait out the timeouts again, one after another:
      // the whole group answers 503 at once instead.
      if (group.length === 1 || isDatabaseOutage(error)) return group.forEach((w) => w.settle(Promise.reject(error)));
      for (const waiting of group) await this.commit([waiting]);
    }
  }

  private async writeGroup(group: OnlineBallot[]): Promise<BallotOutcome[]> {
    const outcomes: (BallotOutcome | undefined)[] = new Array(group.length);
    const personVotes = new Map<number, number[]>();
    group.forEach((b, i) => {
      if (b.voter.mode === 'person') personVotes.set(b.pollId, [...(personVotes.get(b.pollId) ?? []), i]);
    });
    for (const indexes of personVotes.values()) await this.takePartTogether(group, indexes, outcomes);
    for (let i = 0; i < group.length; i++) outcomes[i] ??= await this.takePart(group[i]);
    const recorded = group.filter((_, i) => outcomes[i] === 'recorded');
    await this.ballots.dropAll(shuffled(recorded.map((b) => ({ ballot: b.ballot, choices: b.choices }))));
    return outcomes as BallotOutcome[];
  }

  /**
   * One vote per person in one poll: the participation rows of the whole group in one statement
   * (ParticipationRepository.insertPeopleIfAllowed). A person's second ballot in the group is decided by their
   * first. When someone already voted (the statement's unique key refuses it) or the poll opened or closed among
   * the group's times, each vote gets its own statement instead, and its own answer.
   */
  private async takePartTogether(group: OnlineBallot[], indexes: number[], outcomes: (BallotOutcome | undefined)[]): Promise<void> {
    const firstOf = new Map<number, number>();
    for (const i of indexes) if (!firstOf.has(group[i].voter.userId)) firstOf.set(group[i].voter.userId, i);
    const firsts = [...firstOf.values()];
    const { pollId, voter } = group[firsts[0]];
    let eligible: Set<number> | null = null;
    try {
      eligible = await this.participation.insertPeopleIfAllowed(
        pollId,
        voter,
        firsts.map((i) => ({ userId: group[i].voter.userId, namedBallotId: group[i].namedBallotId, at: group[i].at })),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    for (const i of firsts) outcomes[i] = eligible ? (eligible.has(group[i].voter.userId) ? 'recorded' : 'not_recorded') : await this.takePart(group[i]);
    for (const i of indexes) {
      const first = firstOf.get(group[i].voter.userId)!;
      if (i !== first) outcomes[i] = outcomes[first] === 'not_recorded' ? 'not_recorded' : 'duplicate';
    }
  }

  private takePart(b: OnlineBallot): Promise<BallotOutcome> {
    return participationOutcome(this.participation.insertIfAllowed(b.pollId, b.voter, 'online', b.namedBallotId, b.at));
  }
}

/** What a participation insert came to: written, refused by its unique key (already voted), or not written. */
export async function participationOutcome(insert: Promise<boolean>): Promise<BallotOutcome> {
  try {
    return (await insert) ? 'recorded' : 'not_recorded';
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
}

/** Fisher–Yates with a cryptographic source: the order says nothing about who came first. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
