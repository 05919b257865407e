import { Injectable } from '@nestjs/common';
import { formatMoment, type CreatePoll, type Page, type PollDetail, type PollListItem, type PollListQuery, type PollResults, type UpdatePoll } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { OwnImages } from '../uploads/own-images.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';
import { Database } from '../database/database.js';
import { NotificationService } from '../notifications/notification.service.js';
import { ResidencyRepository } from '../residency/residency.repository.js';
import { ElectorateRepository } from './electorate.repository.js';
import { BallotBoxRepository } from './ballot-box.repository.js';
import { ParticipationRepository } from './participation.repository.js';
import { PollDefinitions, type PollDefinition } from './poll-definitions.js';
import { PollResultsCache } from './poll-results-cache.js';
import { PollResultsService } from './poll-results.service.js';
import { eligibleHomes, toSummary } from './poll.mapper.js';
import type { Poll } from './poll.entity.js';
import { householdKey, personKey, phaseOf } from './poll-rules.js';
import { PollsRepository, type NewPoll } from './polls.repository.js';

/** Creating, editing, opening, closing, publishing and reading consultations. */
@Injectable()
export class PollsService {
  constructor(
    private readonly db: Database,
    private readonly polls: PollsRepository,
    private readonly definitions: PollDefinitions,
    private readonly participation: ParticipationRepository,
    private readonly ballots: BallotBoxRepository,
    private readonly electorate: ElectorateRepository,
    private readonly results: PollResultsService,
    private readonly resultsCache: PollResultsCache,
    private readonly notifications: NotificationService,
    private readonly access: AccessService,
    private readonly communities: CommunitiesRepository,
    private readonly residency: ResidencyRepository,
    private readonly images: OwnImages,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** A page of polls, each with whether I voted and the turnout as far as the results would show it to me. */
  async list(auth: AuthContext, query: PollListQuery): Promise<Page<PollListItem>> {
    const [residencies, managed] = await Promise.all([this.residency.residenciesOf(auth.userId), this.access.pollAdminCommunities(auth)]);
    let communityIds = query.manage ? [...managed] : [...new Set(residencies.map((r) => r.communityId))];
    if (query.communityId !== undefined) {
      communityIds = query.manage ? communityIds.filter((id) => id === query.communityId) : [query.communityId];
    }
    const now = this.clock.now();
    const [items, total] = await this.polls.page({ ...query, communityIds, includeDrafts: query.manage, now });
    const homes = residencies.map((r) => householdKey(r.householdId));
    const [voted, turnouts] = await Promise.all([
      this.participation.votedIn(
        items.map((p) => p.id),
        [personKey(auth.userId), ...homes],
      ),
      this.results.turnouts(items, managed),
    ]);
    return {
      items: items.map((p) => ({ ...toSummary(p, now, voted.has(p.id)), turnout: turnouts.get(p.id) ?? null })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(auth: AuthContext, id: number): Promise<PollDetail> {
    const poll = await this.polls.findById(id);
    const canManage = poll ? await this.access.canManagePoll(auth, poll) : false;
    if (!poll || (poll.status === 'draft' && !canManage)) throw new AppError('POLL_NOT_FOUND');
    return this.detail(auth, poll, canManage);
  }

  async create(auth: AuthContext, input: CreatePoll): Promise<PollDetail> {
    if (!(await this.communities.findById(input.communityId))) throw new AppError('COMMUNITY_NOT_FOUND');
    await this.access.assertManagesPoll(auth, input);
    const now = this.clock.now();
    assertTimes(new Date(input.opensAt), new Date(input.closesAt), now);
    const background = await this.sanitizedBackground(input.background);
    const id = await this.db.transaction(async () => {
      const pollId = await this.polls.insert({
        ...columnsOf(input),
        background,
        communityId: input.communityId,
        createdBy: auth.userId,
        status: 'draft',
        createdAt: now,
      } as NewPoll);
      await this.polls.replaceQuestions(pollId, input.questions);
      await this.audit.append({
        actorId: auth.userId,
        action: 'poll.create',
        communityId: input.communityId,
        targetType: 'poll',
        targetId: pollId,
        detail: { title: input.title },
      });
      return pollId;
    });
    return this.detail(auth, (await this.polls.findById(id))!, true);
  }

  /** Drafts only: residents must vote on exactly what was published. */
  async update(auth: AuthContext, id: number, patch: UpdatePoll): Promise<PollDetail> {
    const poll = await this.managed(auth, id);
    if (poll.status !== 'draft') throw new AppError('POLL_NOT_EDITABLE');
    const changes = columnsOf(patch);
    if (patch.background !== undefined) changes.background = await this.sanitizedBackground(patch.background);
    assertTimes(changes.opensAt ?? poll.opensAt, changes.closesAt ?? poll.closesAt, this.clock.now());
    await this.db.transaction(async () => {
      // Conditional on still being a draft, so an edit racing the opening cannot change a published poll.
      if (!(await this.polls.updateDraft(id, changes))) throw new AppError('POLL_NOT_EDITABLE');
      if (patch.questions) await this.polls.replaceQuestions(id, patch.questions);
      await this.audit.append({
        actorId: auth.userId,
        action: 'poll.update',
        communityId: poll.communityId,
        targetType: 'poll',
        targetId: id,
        detail: { fields: Object.keys(patch) },
      });
    });
    return this.detail(auth, (await this.polls.findById(id))!, true);
  }

  /** Publishes a draft; everyone who may vote is told, in the same transaction. */
  async open(auth: AuthContext, id: number): Promise<PollDetail> {
    const poll = await this.managed(auth, id);
    if (poll.status !== 'draft') throw new AppError('POLL_ALREADY_OPENED');
    const now = this.clock.now();
    if (poll.closesAt <= now) throw new AppError('POLL_TIMES_INVALID');
    await this.db.transaction(async () => {
      if (!(await this.polls.open(id))) throw new AppError('POLL_ALREADY_OPENED');
      const voters = await this.electorate.eligibleUserIds(poll.communityId, JSON.parse(poll.buildings) as string[]);
      const starts = poll.opensAt <= now ? '现在就可以投票' : `${formatMoment(poll.opensAt)}开始投票`;
      await this.notifications.notifyMany(voters, 'poll_opened', {
        title: '新的议事投票',
        body: `「${poll.title}」${starts}，${formatMoment(poll.closesAt)}截止。请到“议事”里查看并投票。`,
        activityId: null,
        pollId: id,
      });
      await this.audit.append({
        actorId: auth.userId,
        action: 'poll.open',
        communityId: poll.communityId,
        targetType: 'poll',
        targetId: id,
        detail: { notified: voters.length },
      });
    });
    return this.detail(auth, (await this.polls.findById(id))!, true);
  }

  /** Closes early. A ballot in flight commits before the close or not at all (both take the poll row). */
  async close(auth: AuthContext, id: number): Promise<PollDetail> {
    const poll = await this.managed(auth, id);
    if (poll.status === 'draft') throw new AppError('POLL_DRAFT');
    await this.db.transaction(async () => {
      if (!(await this.polls.close(id, this.clock.now()))) throw new AppError('POLL_CLOSED');
      await this.audit.append({ actorId: auth.userId, action: 'poll.close', communityId: poll.communityId, targetType: 'poll', targetId: id });
    });
    this.definitions.forget(id);
    return this.detail(auth, (await this.polls.findById(id))!, true);
  }

  /**
   * The result notice (公示): after closing, once. The results are computed inside the transaction that marks
   * the poll published, after its lock on the poll row, so they include every ballot that was ever counted.
   */
  async publish(auth: AuthContext, id: number, statement: string): Promise<PollDetail> {
    const poll = await this.managed(auth, id);
    const phase = phaseOf(poll, this.clock.now());
    if (phase === 'draft') throw new AppError('POLL_DRAFT');
    if (phase === 'published') throw new AppError('POLL_ALREADY_PUBLISHED');
    if (phase !== 'closed') throw new AppError('POLL_NOT_CLOSED');
    const definition = (await this.definitions.get(id, poll))!;
    await this.db.transaction(async () => {
      const now = this.clock.now();
      if (!(await this.polls.publish(id, now, statement))) throw new AppError('POLL_ALREADY_PUBLISHED');
      const current = (await this.polls.state(id))!;
      const results = await this.results.compute(current, definition, true, { fresh: true, inTransaction: true });
      const snapshot: PollResults = { ...results, phase: 'published' };
      await this.polls.update(id, { publicationResults: JSON.stringify(snapshot) } as Partial<NewPoll>);
      const voters = await this.electorate.eligibleUserIds(poll.communityId, definition.buildings);
      await this.notifications.notifyMany(voters, 'poll_published', {
        title: '议事结果公示',
        body: `「${poll.title}」的投票结果已经公示，请到“议事”里查看。`,
        activityId: null,
        pollId: id,
      });
      await this.audit.append({
        actorId: auth.userId,
        action: 'poll.publish',
        communityId: poll.communityId,
        targetType: 'poll',
        targetId: id,
        detail: { ballotsCast: snapshot.turnout?.ballotsCast ?? null, passed: snapshot.outcome?.passed ?? null },
      });
    });
    return this.detail(auth, (await this.polls.findById(id))!, true);
  }

  /** Turnout and counts as far as the caller may see them; the 公示's figures once it is out. */
  async resultsFor(auth: AuthContext, id: number): Promise<PollResults> {
    // A published poll's definition is cached and never goes back to draft; a draft's is read afresh.
    const definition = await this.definitions.get(id);
    const canManage = definition ? await this.access.canManagePoll(auth, definition) : false;
    if (!definition || (definition.status === 'draft' && !canManage)) throw new AppError('POLL_NOT_FOUND');
    return this.resultsCache.get(id, canManage, async () => this.results.forReader((await this.polls.state(id))!, definition, canManage));
  }

  /** The articles' sanitiser: their allowlist of tags, and images only from our own uploads. */
  private async sanitizedBackground(html: string): Promise<string> {
    return this.images.sanitize(html, { maxBytes: MAX_BACKGROUND_BYTES, tooLong: 'POLL_BACKGROUND_TOO_LONG' });
  }

  async managed(auth: AuthContext, id: number): Promise<Poll> {
    const poll = await this.polls.findById(id);
    if (!poll) throw new AppError('POLL_NOT_FOUND');
    await this.access.assertManagesPoll(auth, poll);
    return poll;
  }

  private async detail(auth: AuthContext, poll: Poll, canManage: boolean): Promise<PollDetail> {
    const now = this.clock.now();
    const definition = (await this.definitions.get(poll.id, poll))!;
    const phase = phaseOf(poll, now);
    const homes = eligibleHomes(await this.electorate.homesOf(auth.userId, poll.communityId), definition.buildings);
    const byHousehold = poll.voterMode === 'household';
    const key = byHousehold ? (homes[0] ? householdKey(homes[0].householdId) : null) : personKey(auth.userId);
    const mine = key ? await this.participation.find(poll.id, [key]) : null;
    let myAnswers: PollDetail['myAnswers'] = null;
    if (mine?.namedBallotId) {
      const ballot = await this.ballots.findNamed(poll.id, mine.namedBallotId);
      myAnswers = ballot ? JSON.parse(ballot.answers) : null;
    }
    return {
      ...toSummary(poll, now, mine !== null),
      background: definition.background,
      questions: definition.questions,
      minBallots: poll.minBallots,
      quorumPercent: poll.quorumPercent,
      passRule: poll.passRule,
      opinionsEnabled: poll.opinionsEnabled === 1,
      eligibility: await this.eligibility(auth, poll, definition, homes.length > 0, mine !== null, phase),
      myVote: mine ? { channel: mine.channel, byHousehold } : null,
      myAnswers,
      canManage,
      publication: poll.publishedAt
        ? {
            statement: poll.publicationStatement ?? '',
            publishedAt: poll.publishedAt.toISOString(),
            results: JSON.parse(poll.publicationResults!) as PollResults,
          }
        : null,
    };
  }

  /** "您可以投票", or why not: the same order of checks a ballot meets, in words a resident understands. */
  private async eligibility(
    auth: AuthContext,
    poll: Poll,
    definition: PollDefinition,
    inElectorate: boolean,
    voted: boolean,
    phase: PollDetail['phase'],
  ): Promise<PollDetail['eligibility']> {
    const no = (reason: string) => ({ eligible: false, reason });
    if (voted) return no(poll.voterMode === 'household' ? '您家已经投过票了（每户一票），选票不能更改' : '您已经投过票了，选票不能更改');
    if (phase === 'draft') return no('投票还没有发布');
    if (phase === 'upcoming') return no(`投票还没有开始，${formatMoment(poll.opensAt)}开始`);
    if (phase !== 'open') return no('投票已经结束了');
    if (!inElectorate) {
      if (definition.buildings.length) {
        const homes = await this.electorate.homesOf(auth.userId, poll.communityId);
        if (homes.length) return no(`这次投票只面向${definition.buildings.join('、')}的认证居民`);
      }
      return no('只有本社区的认证居民可以投票。如果您住在这里，请先在“我的”里认证住户');
    }
    return { eligible: true, reason: '您可以投票' };
  }
}

/** What the background's column (MySQL TEXT) holds. */
const MAX_BACKGROUND_BYTES = 65_000;

function assertTimes(opensAt: Date, closesAt: Date, now: Date): void {
  if (closesAt <= opensAt || closesAt <= now) throw new AppError('POLL_TIMES_INVALID');
}

const PLAIN_FIELDS = ['title', 'voterMode', 'secrecy', 'resultsVisibility', 'minBallots', 'quorumPercent', 'passRule'] as const;

/**
 * The columns of a create or update input, JSON-encoded where stored as text (questions have their own tables;
 * the background is sanitised on its own).
 */
function columnsOf(input: UpdatePoll): Partial<NewPoll> {
  const out: Record<string, unknown> = {};
  for (const f of PLAIN_FIELDS) if (input[f] !== undefined) out[f] = input[f];
  if (input.buildings !== undefined) out.buildings = JSON.stringify([...new Set(input.buildings)]);
  if (input.opinionsEnabled !== undefined) out.opinionsEnabled = input.opinionsEnabled ? 1 : 0;
  if (input.opensAt !== undefined) out.opensAt = new Date(input.opensAt);
  if (input.closesAt !== undefined) out.closesAt = new Date(input.closesAt);
  return out as Partial<NewPoll>;
}
