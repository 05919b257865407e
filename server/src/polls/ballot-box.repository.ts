import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { PollBallot } from './poll-ballot.entity.js';
import { PollChoice } from './poll-choice.entity.js';

/** A ballot as written: what it says, never who cast it. */
export type NewBallot = PollBallot;

export interface BallotChoice {
  questionId: number;
  optionId: number;
}

/**
 * The only code that reads or writes poll_ballot and poll_choice. It never names a voter, a household or a
 * participation, and never joins another table: a secret ballot can be found by its poll, its receipt hash or
 * (for a named ballot only) by the id its participation row keeps.
 */
@Injectable()
export class BallotBoxRepository {
  constructor(private readonly db: Database) {}

  /** The ballot and one choice row per chosen option, in the caller's transaction. */
  drop(ballot: PollBallot, choices: BallotChoice[]): Promise<void> {
    return this.dropAll([{ ballot, choices }]);
  }

  /**
   * Several ballots and their choices, in the caller's transaction: one statement for the ballot rows and one for
   * the choice rows, whatever their number. Rows go in the order given; a caller that must not let a statement
   * log link them to anything else shuffles them first.
   */
  async dropAll(entries: { ballot: PollBallot; choices: BallotChoice[] }[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.execute(
      `INSERT INTO poll_ballot (id, pollId, answers, opinion, opinionHeld, receiptHash) VALUES ${entries.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      entries.flatMap(({ ballot }) => [ballot.id, ballot.pollId, ballot.answers, ballot.opinion, ballot.opinionHeld, ballot.receiptHash]),
    );
    const choices = entries.flatMap(({ ballot, choices }) => choices.map((c) => [ballot.pollId, c.optionId, ballot.id, c.questionId]));
    if (choices.length === 0) return;
    await this.db.execute(`INSERT INTO poll_choice (pollId, optionId, ballotId, questionId) VALUES ${choices.map(() => '(?, ?, ?, ?)').join(', ')}`, choices.flat());
  }

  /** Votes per option (option id → votes), counted from the choice rows. */
  tally(pollId: number): Promise<Map<number, number>> {
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(PollChoice, 'c')
        .select('c.optionId', 'optionId')
        .addSelect('COUNT(*)', 'votes')
        .where('c.pollId = :pollId', { pollId })
        .groupBy('c.optionId')
        .getRawMany<{ optionId: number; votes: string | number }>();
      return new Map(rows.map((r) => [Number(r.optionId), Number(r.votes)]));
    });
  }

  isCounted(pollId: number, receiptHash: string): Promise<boolean> {
    return this.db.run((em) => em.existsBy(PollBallot, { pollId, receiptHash }));
  }

  /** The ballot a receipt code's hash belongs to (to answer a retried vote with its receipt again). */
  findByReceipt(pollId: number, receiptHash: string): Promise<PollBallot | null> {
    return this.db.run((em) => em.findOneBy(PollBallot, { pollId, receiptHash }));
  }

  /** A named ballot, by the id its voter's participation row keeps. */
  findNamed(pollId: number, id: string): Promise<PollBallot | null> {
    return this.db.run((em) => em.findOneBy(PollBallot, { pollId, id }));
  }

  /** The opinion box's texts staff may publish (none held for review), in alphabetical order (no order of arrival exists to leak). */
  opinions(pollId: number): Promise<string[]> {
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(PollBallot, 'b')
        .select('b.opinion', 'opinion')
        .where("b.pollId = :pollId AND b.opinion <> '' AND b.opinionHeld = 0", { pollId })
        .getRawMany<{ opinion: string }>();
      return rows.map((r) => r.opinion).sort((a, b) => a.localeCompare(b, 'zh-CN'));
    });
  }

  /**
   * A page of the same opinions `opinions` lists, ordered by ballot id (random, so neither the order nor a page
   * boundary says who wrote one or when); with how many there are in all and how many are held for review.
   */
  opinionPage(pollId: number, offset: number, limit: number): Promise<{ opinions: string[]; total: number; held: number }> {
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(PollBallot, 'b')
        .select('b.opinion', 'opinion')
        .where("b.pollId = :pollId AND b.opinion <> '' AND b.opinionHeld = 0", { pollId })
        .orderBy('b.id')
        .offset(offset)
        .limit(limit)
        .getRawMany<{ opinion: string }>();
      const counts = await em
        .createQueryBuilder(PollBallot, 'b')
        .select(`SUM(CASE WHEN b.opinion <> '' AND b.opinionHeld = 0 THEN 1 ELSE 0 END)`, 'total')
        .addSelect('SUM(CASE WHEN b.opinionHeld = 1 THEN 1 ELSE 0 END)', 'held')
        .where('b.pollId = :pollId', { pollId })
        .getRawOne<{ total: string | number | null; held: string | number | null }>();
      return { opinions: rows.map((r) => r.opinion), total: Number(counts?.total ?? 0), held: Number(counts?.held ?? 0) };
    });
  }

  /** Opinions held for review in these polls, by ballot id (random, so it says nothing of who or when), sorted by text. */
  heldOpinions(pollIds: number[]): Promise<{ pollId: number; ballotId: string; opinion: string }[]> {
    if (pollIds.length === 0) return Promise.resolve([]);
    return this.db.run(async (em) => {
      const rows = await em
        .createQueryBuilder(PollBallot, 'b')
        .select(['b.pollId AS pollId', 'b.id AS ballotId', 'b.opinion AS opinion'])
        .where('b.pollId IN (:...pollIds) AND b.opinionHeld = 1', { pollIds })
        .getRawMany<{ pollId: number; ballotId: string; opinion: string }>();
      return rows
        .map((r) => ({ pollId: Number(r.pollId), ballotId: r.ballotId, opinion: r.opinion }))
        .sort((a, b) => a.pollId - b.pollId || a.opinion.localeCompare(b.opinion, 'zh-CN'));
    });
  }

  /** Releases a held opinion (approved) or blanks it (rejected); false when no such held opinion exists. */
  async decideOpinion(pollId: number, ballotId: string, approve: boolean): Promise<boolean> {
    const result = await this.db.run((em) =>
      em.update(PollBallot, { pollId, id: ballotId, opinionHeld: 1 }, approve ? { opinionHeld: 0 } : { opinionHeld: 0, opinion: '' }),
    );
    return (result.affected ?? 0) > 0;
  }
}
