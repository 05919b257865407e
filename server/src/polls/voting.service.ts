import { Injectable } from '@nestjs/common';
import type { BallotAnswer, BallotChannel, BallotReceipt, CastBallot, ErrorCode, PaperBallot, PollHouseholdVoters } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { ContentCheckService } from '../content-check/content-check.service.js';
import { Database } from '../database/database.js';
import { BallotBoxRepository } from './ballot-box.repository.js';
import { BallotWriter, participationOutcome, type BallotOutcome, type OnlineBallot } from './ballot-writer.js';
import { ElectorateRepository } from './electorate.repository.js';
import { ParticipationRepository, type OnlineVoter } from './participation.repository.js';
import { PollDefinitions, type PollDefinition } from './poll-definitions.js';
import { PollResultsService } from './poll-results.service.js';
import { eligibleHomes } from './poll.mapper.js';
import { chosenOptions, householdKey, normalisedAnswers, personKey, phaseOf, windowBlocker } from './poll-rules.js';
import { PollsRepository } from './polls.repository.js';
import { derivedReceiptCode, newBallotId, newReceiptCode, receiptHash } from './receipt-code.js';

interface Vote {
  /** Online: who, checked against the electorate as the vote is recorded. Paper: the voter key staff chose. */
  voter: OnlineVoter | string;
  channel: BallotChannel;
  answers: BallotAnswer[];
  opinion: string;
  /** The content check asked for a staff member's look before the opinion is exported. */
  opinionHeld: boolean;
  /** Online ballots sent with an Idempotency-Key: the receipt code is derived from it (derivedReceiptCode). */
  retryKey: string | null;
}

/**
 * Casting ballots, online and on paper. One ballot is one transaction: the participation row (written only while
 * the poll is open and, online, the voter eligible; its primary key refuses a second vote), the ballot row (which
 * names no one) and its choice rows, which the tallies are counted from.
 */
@Injectable()
export class VotingService {
  constructor(
    private readonly db: Database,
    private readonly polls: PollsRepository,
    private readonly definitions: PollDefinitions,
    private readonly participation: ParticipationRepository,
    private readonly ballots: BallotBoxRepository,
    private readonly writer: BallotWriter,
    private readonly electorate: ElectorateRepository,
    private readonly results: PollResultsService,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly contentCheck: ContentCheckService,
    private readonly clock: Clock,
  ) {}

  /**
   * The hot path (20,000 ballots in an hour): no query for the poll once its definition is cached, and only the
   * transaction's three statements, the first of which checks the poll is open and the voter's residency as it
   * records the vote. Nothing any two ballots both write: they never wait for each other.
   *
   * `retryKey` (the Idempotency-Key header): a retry of a ballot that counted (its answer lost to a 503 or a
   * dropped connection) answers with that ballot's receipt instead of BALLOT_DUPLICATE (see derivedReceiptCode).
   */
  async cast(auth: AuthContext, pollId: number, input: CastBallot, retryKey: string | null = null): Promise<BallotReceipt> {
    const poll = await this.visible(auth, pollId);
    this.assertOpen(poll);
    if (input.opinion && !poll.opinionsEnabled) throw new AppError('OPINIONS_DISABLED');
    const opinionHeld = await this.screenOpinion(auth, input.opinion);
    const voter: OnlineVoter = {
      userId: auth.userId,
      communityId: poll.communityId,
      buildings: poll.buildings,
      mode: poll.voterMode,
      householdId: input.householdId,
    };
    return this.record(poll, { voter, channel: 'online', answers: input.answers, opinion: input.opinion, opinionHeld, retryKey }, null);
  }

  /** Staff enter a paper ballot against an eligible person or household; the same key stops any double vote. */
  async enterPaper(auth: AuthContext, pollId: number, input: PaperBallot) {
    const poll = await this.managed(auth, pollId);
    this.assertOpen(poll);
    if (input.opinion && !poll.opinionsEnabled) throw new AppError('OPINIONS_DISABLED');
    chosenOptions(poll.shape, input.answers);
    const opinionHeld = await this.screenOpinion(auth, input.opinion);
    const voterKey = await this.paperVoterKey(poll, input);
    const receipt = await this.record(
      poll,
      { voter: voterKey, channel: 'paper', answers: input.answers, opinion: input.opinion, opinionHeld, retryKey: null },
      auth.userId,
    );
    const state = (await this.polls.state(pollId))!;
    const results = await this.results.compute(state, poll, true);
    return { ...receipt, turnout: results.turnout! };
  }

  async checkReceipt(auth: AuthContext, pollId: number, code: string) {
    await this.visible(auth, pollId);
    return { pollId, counted: await this.ballots.isCounted(pollId, receiptHash(code)) };
  }

  /** One household's verified residents and who has voted: what staff look at before entering a paper ballot. */
  async householdVoters(auth: AuthContext, pollId: number, householdId: number): Promise<PollHouseholdVoters> {
    const poll = await this.managed(auth, pollId);
    const household = await this.electorate.household(householdId);
    if (!household || household.communityId !== poll.communityId) throw new AppError('HOUSEHOLD_NOT_FOUND');
    const residents = await this.electorate.residentsOf(householdId);
    const keys = [householdKey(householdId), ...residents.map((r) => personKey(r.userId))];
    const votes = await this.participation.ofKeys(pollId, keys);
    const vote = (key: string) => {
      const row = votes.get(key);
      return row ? { channel: row.channel } : null;
    };
    return {
      householdId,
      address: `${household.building}${household.unit}${household.room}`,
      eligible: residents.length > 0 && (poll.buildings.length === 0 || poll.buildings.includes(household.building)),
      householdVote: poll.voterMode === 'household' ? vote(householdKey(householdId)) : null,
      residents: residents.map((r) => ({ userId: r.userId, name: r.name, vote: vote(personKey(r.userId)) })),
    };
  }

  /**
   * One ballot: participation (refused unless open and eligible, or a second vote), ballot and choices, in one
   * transaction. Online ballots go through the BallotWriter, which commits those arriving together in one;
   * a paper ballot has its own transaction, which also writes the audit log.
   */
  private async record(poll: PollDefinition, vote: Vote, enteredBy: number | null): Promise<BallotReceipt> {
    chosenOptions(poll.shape, vote.answers);
    const answers = normalisedAnswers(poll.shape, vote.answers);
    const choices = answers.flatMap((a) => a.optionIds.map((optionId) => ({ questionId: a.questionId, optionId })));
    const ballotId = newBallotId();
    const receiptCode = vote.retryKey && typeof vote.voter !== 'string' ? derivedReceiptCode(vote.retryKey, poll.id, vote.voter.userId) : newReceiptCode();
    const now = this.clock.now();
    const namedBallotId = poll.secrecy === 'named' ? ballotId : null;
    const ballot = {
      id: ballotId,
      pollId: poll.id,
      answers: JSON.stringify(answers),
      opinion: vote.opinion,
      opinionHeld: (vote.opinionHeld ? 1 : 0) as 0 | 1,
      receiptHash: receiptHash(receiptCode),
    };
    const outcome =
      typeof vote.voter === 'string'
        ? await this.recordPaper(poll, vote.voter, { namedBallotId, at: now, ballot, choices }, enteredBy!)
        : await this.writer.write({ pollId: poll.id, voter: vote.voter, namedBallotId, at: now, ballot, choices });
    if (outcome === 'duplicate') {
      // The ballot already counted is this one's earlier try exactly when it carries the code this key derives.
      const earlier = vote.retryKey ? await this.ballots.findByReceipt(poll.id, ballot.receiptHash) : null;
      if (earlier) return this.receipt(poll, vote.channel, receiptCode, earlier.answers, earlier.opinionHeld === 1);
      throw new AppError(vote.channel === 'paper' ? 'PAPER_BALLOT_DUPLICATE' : 'BALLOT_DUPLICATE');
    }
    // Why nothing was recorded (closed, not open yet, not eligible) is read once the transaction is over.
    if (outcome === 'not_recorded') throw new AppError(await this.refusal(poll.id));
    return this.receipt(poll, vote.channel, receiptCode, ballot.answers, vote.opinionHeld);
  }

  /** What the voter is shown once: the code, and for a named ballot what it says. `answers` as stored (JSON). */
  private receipt(poll: PollDefinition, channel: BallotChannel, receiptCode: string, answers: string, opinionHeld: boolean): BallotReceipt {
    return {
      pollId: poll.id,
      channel,
      secrecy: poll.secrecy,
      receiptCode,
      answers: poll.secrecy === 'named' ? (JSON.parse(answers) as BallotAnswer[]) : null,
      opinionHeld,
    };
  }

  private recordPaper(
    poll: PollDefinition,
    voterKey: string,
    written: Pick<OnlineBallot, 'namedBallotId' | 'at' | 'ballot' | 'choices'>,
    enteredBy: number,
  ): Promise<BallotOutcome> {
    return this.db.transaction(async () => {
      const outcome = await participationOutcome(this.participation.insertIfAllowed(poll.id, voterKey, 'paper', written.namedBallotId, written.at));
      if (outcome !== 'recorded') return outcome;
      await this.ballots.drop(written.ballot, written.choices);
      // Who entered a paper ballot for whom, never what it says.
      await this.audit.append({
        actorId: enteredBy,
        action: 'poll.paper_ballot',
        communityId: poll.communityId,
        targetType: 'poll',
        targetId: poll.id,
        detail: { voterKey },
      });
      return 'recorded';
    });
  }

  /** Risky opinions are refused; one the check wants looked at is kept with the ballot but held from export. */
  private async screenOpinion(auth: AuthContext, opinion: string): Promise<boolean> {
    return (await this.contentCheck.screen(auth.userId, [{ path: 'body.opinion', text: opinion, scene: 'comment' }])) === 'review';
  }

  /** Why nothing was recorded: voting closed (here or on another server) since the definition was cached, or not eligible. */
  private async refusal(pollId: number): Promise<ErrorCode> {
    const state = await this.polls.state(pollId);
    const blocker = state ? windowBlocker(phaseOf(state, this.clock.now())) : 'POLL_NOT_FOUND';
    if (blocker) this.definitions.forget(pollId);
    return blocker ?? 'POLL_NOT_ELIGIBLE';
  }

  private assertOpen(poll: PollDefinition): void {
    const blocker = windowBlocker(phaseOf({ ...poll, publishedAt: null }, this.clock.now()));
    if (blocker) throw new AppError(blocker);
  }

  private async paperVoterKey(poll: PollDefinition, input: PaperBallot): Promise<string> {
    if (input.userId !== undefined) {
      const homes = eligibleHomes(await this.electorate.homesOf(input.userId, poll.communityId), poll.buildings);
      if (homes.length === 0) throw new AppError('PAPER_VOTER_NOT_ELIGIBLE');
      return poll.voterMode === 'person' ? personKey(input.userId) : householdKey(homes[0].householdId);
    }
    if (poll.voterMode === 'person') {
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.userId', message: '每人一票的投票，请选择一位居民' }] });
    }
    const household = await this.electorate.household(input.householdId!);
    const inScope =
      household !== null &&
      household.communityId === poll.communityId &&
      (poll.buildings.length === 0 || poll.buildings.includes(household.building)) &&
      (await this.electorate.residentsOf(household.id)).length > 0;
    if (!inScope) throw new AppError('PAPER_VOTER_NOT_ELIGIBLE');
    return householdKey(household.id);
  }

  /** A draft is shown to those who manage it only; to anyone else it does not exist. */
  private async visible(auth: AuthContext, pollId: number): Promise<PollDefinition> {
    const poll = await this.definitions.get(pollId);
    if (!poll || (poll.status === 'draft' && !(await this.access.canManagePoll(auth, poll)))) throw new AppError('POLL_NOT_FOUND');
    return poll;
  }

  private async managed(auth: AuthContext, pollId: number): Promise<PollDefinition> {
    const poll = await this.definitions.get(pollId);
    if (!poll) throw new AppError('POLL_NOT_FOUND');
    await this.access.assertManagesPoll(auth, poll);
    return poll;
  }
}
