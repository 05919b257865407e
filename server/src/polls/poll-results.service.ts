import { Injectable } from '@nestjs/common';
import type { PollResults, Turnout, VoterMode } from '@linli/shared';
import { Clock } from '../clock/clock.js';
import { Database } from '../database/database.js';
import { BallotBoxRepository } from './ballot-box.repository.js';
import { ElectorateRepository } from './electorate.repository.js';
import { ParticipationRepository } from './participation.repository.js';
import type { PollDefinition } from './poll-definitions.js';
import type { Poll } from './poll.entity.js';
import { buildingsOf, percentOf, phaseOf, quorumMet, tallyOf, type PollShape } from './poll-rules.js';

const ELIGIBLE_TTL_MS = 10_000;

type ResultsPoll = Pick<Poll, 'id' | 'status' | 'opensAt' | 'closesAt' | 'publishedAt'>;
type ResultsRules = Pick<PollDefinition, 'resultsVisibility' | 'minBallots' | 'quorumPercent' | 'passRule'>;
/** Who may vote in a poll, as the eligible count needs it. */
type Electorate = { id: number; communityId: number; buildings: string[]; voterMode: VoterMode };

/** What was cast: ballots online and on paper, and votes per option. */
export interface Counts {
  online: number;
  paper: number;
  votes: Map<number, number>;
}

/**
 * Turnout and tallies as the caller may see them, counted from the participation and choice rows in one
 * transaction (one snapshot, so the tallies always match the number of ballots). The eligible count is
 * recounted at most every ten seconds per poll while voting runs (a district-sized community has tens of
 * thousands of residency rows); the 公示 keeps the figure counted when it was published.
 */
@Injectable()
export class PollResultsService {
  private readonly eligibleCache = new Map<number, { value: number; at: number }>();

  constructor(
    private readonly db: Database,
    private readonly participation: ParticipationRepository,
    private readonly ballots: BallotBoxRepository,
    private readonly electorate: ElectorateRepository,
    private readonly clock: Clock,
  ) {}

  /** Results for a reader: the published snapshot once there is one, else computed now. */
  async forReader(poll: Poll, definition: PollDefinition, manager: boolean): Promise<PollResults> {
    if (poll.publicationResults) return JSON.parse(poll.publicationResults) as PollResults;
    return this.compute(poll, definition, manager);
  }

  /**
   * `fresh`: count the eligible now rather than within the last ten seconds (publication and export).
   * `inTransaction`: called inside the caller's transaction (publication), whose snapshot the counts then use.
   */
  async compute(poll: ResultsPoll, definition: PollDefinition, manager: boolean, options: { fresh?: boolean; inTransaction?: boolean } = {}): Promise<PollResults> {
    const now = this.clock.now();
    if (!resultsVisible(poll, definition, manager, now)) return resultsOf(poll, definition, definition.shape, null, 0, manager, now);
    const read = async () => {
      const { online, paper } = await this.participation.counts(poll.id);
      return { online, paper, votes: await this.ballots.tally(poll.id) };
    };
    const counts = await (options.inTransaction ? read() : this.db.transaction(read));
    return resultsOf(poll, definition, definition.shape, counts, await this.eligible(definition, options.fresh ?? false), manager, now);
  }

  /**
   * Turnout for a page of the list, each poll as `compute` would show it to this caller (managers: the
   * communities they manage): the 公示's figure once published, null while hidden. One grouped count of
   * participation for the page, and eligible counts from the same cache, counted per community where missing.
   */
  async turnouts(polls: Poll[], managed: Set<number>): Promise<Map<number, Turnout | null>> {
    const now = this.clock.now();
    const out = new Map<number, Turnout | null>();
    const counted: Poll[] = [];
    for (const poll of polls) {
      if (poll.publicationResults) out.set(poll.id, (JSON.parse(poll.publicationResults) as PollResults).turnout);
      else if (resultsVisible(poll, poll, managed.has(poll.communityId), now)) counted.push(poll);
      else out.set(poll.id, null);
    }
    if (counted.length === 0) return out;
    const electorates = counted.map((p) => ({ id: p.id, communityId: p.communityId, buildings: buildingsOf(p), voterMode: p.voterMode }));
    const [counts, eligible] = await Promise.all([this.participation.countsOf(counted.map((p) => p.id)), this.eligibleOf(electorates)]);
    for (const poll of counted) {
      const { online, paper } = counts.get(poll.id) ?? { online: 0, paper: 0 };
      const ballotsCast = online + paper;
      const of = eligible.get(poll.id) ?? 0;
      out.set(poll.id, { ballotsCast, online, paper, eligible: of, percent: percentOf(ballotsCast, of) });
    }
    return out;
  }

  private async eligible(definition: PollDefinition, fresh: boolean): Promise<number> {
    const cached = this.cachedEligible(definition.id);
    if (!fresh && cached !== null) return cached;
    return this.remember(definition.id, await this.electorate.eligibleCount(definition.communityId, definition.buildings, definition.voterMode));
  }

  /** Cached where fresh; whole communities in one grouped count; each distinct set of buildings once. */
  private async eligibleOf(polls: Electorate[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    const missing: Electorate[] = [];
    for (const poll of polls) {
      const cached = this.cachedEligible(poll.id);
      if (cached === null) missing.push(poll);
      else out.set(poll.id, cached);
    }
    const whole = missing.filter((p) => p.buildings.length === 0);
    if (whole.length) {
      const counts = await this.electorate.eligibleCounts([...new Set(whole.map((p) => p.communityId))]);
      for (const poll of whole) out.set(poll.id, this.remember(poll.id, counts.get(poll.communityId)?.[poll.voterMode] ?? 0));
    }
    const partial = new Map<string, number>();
    for (const poll of missing.filter((p) => p.buildings.length > 0)) {
      const key = JSON.stringify([poll.communityId, [...poll.buildings].sort(), poll.voterMode]);
      if (!partial.has(key)) partial.set(key, await this.electorate.eligibleCount(poll.communityId, poll.buildings, poll.voterMode));
      out.set(poll.id, this.remember(poll.id, partial.get(key)!));
    }
    return out;
  }

  private cachedEligible(pollId: number): number | null {
    const cached = this.eligibleCache.get(pollId);
    return cached && this.clock.now().getTime() - cached.at < ELIGIBLE_TTL_MS ? cached.value : null;
  }

  private remember(pollId: number, value: number): number {
    if (this.eligibleCache.size >= 1000) this.eligibleCache.clear();
    this.eligibleCache.set(pollId, { value, at: this.clock.now().getTime() });
    return value;
  }
}

/** Turnout is visible to managers always, to everyone with live results or once voting has ended. */
function resultsVisible(poll: ResultsPoll, rules: ResultsRules, manager: boolean, now: Date): boolean {
  const phase = phaseOf(poll, now);
  return manager || rules.resultsVisibility === 'live' || phase === 'closed' || phase === 'published';
}

/**
 * The results from the counts. Per-option counts are shown only once results are visible and at least
 * minBallots were cast, to managers too: below that, counts could reveal how the few known voters chose.
 */
export function resultsOf(
  poll: ResultsPoll,
  rules: ResultsRules,
  shape: PollShape,
  counts: Counts | null,
  eligible: number,
  manager: boolean,
  now: Date,
): PollResults {
  const phase = phaseOf(poll, now);
  const ended = phase === 'closed' || phase === 'published';
  const visible = rules.resultsVisibility === 'live' || ended;
  if (!counts || !resultsVisible(poll, rules, manager, now)) {
    return { pollId: poll.id, phase, turnout: null, questions: null, hiddenReason: '投票结束后公布结果', outcome: null };
  }
  const ballots = counts.online + counts.paper;
  let hiddenReason: string | null = null;
  if (!visible) hiddenReason = '投票结束后公布各选项票数';
  else if (ballots < rules.minBallots) hiddenReason = `投票数不到${rules.minBallots}票，为保护投票秘密，暂不显示各选项票数`;
  const tally = tallyOf(shape, counts.votes, rules.passRule, ballots);
  const met = quorumMet(rules.quorumPercent, ballots, eligible);
  return {
    pollId: poll.id,
    phase,
    turnout: { ballotsCast: ballots, online: counts.online, paper: counts.paper, eligible, percent: percentOf(ballots, eligible) },
    questions: hiddenReason ? null : tally,
    hiddenReason,
    outcome: ended
      ? {
          quorumPercent: rules.quorumPercent,
          quorumMet: met,
          passRule: rules.passRule,
          passed: met && tally.every((q) => q.adoptedOptionId !== null),
        }
      : null,
  };
}
