import type { CreatePoll, PollResults, Persona } from '@linli/shared';
import { BallotBoxRepository } from '../../polls/ballot-box.repository.js';
import { ElectorateRepository } from '../../polls/electorate.repository.js';
import { ParticipationRepository } from '../../polls/participation.repository.js';
import { resultsOf } from '../../polls/poll-results.service.js';
import { householdKey, normalisedAnswers, personKey } from '../../polls/poll-rules.js';
import type { Poll } from '../../polls/poll.entity.js';
import { CacheInvalidator } from '../../common/cache-invalidator.js';
import { PollsRepository, type NewPoll } from '../../polls/polls.repository.js';
import { newBallotId, newReceiptCode, receiptHash } from '../../polls/receipt-code.js';
import { User } from '../../users/user.entity.js';
import type { Database } from '../database.js';
import { personaOpenid } from './demo-data.js';

const DAY = 24 * 3600_000;

type DemoPoll = Pick<CreatePoll, 'title' | 'voterMode' | 'resultsVisibility' | 'minBallots' | 'quorumPercent' | 'passRule' | 'opinionsEnabled'> & {
  /** Paragraphs of plain words (no markup). */
  background: string[];
  questions: { title: string; kind?: 'single' | 'multiple'; maxChoices?: number; options: string[] }[];
  /** [opens, closes] in days from now. */
  days: [number, number];
  /** Who voted, choosing the option at this index of every question. */
  ballots: [Persona, number][];
  statement?: string;
};

const DEMO_POLLS: DemoPoll[] = [
  {
    title: '小区南门增设电动自行车充电棚',
    background: [
      '近来楼道里给电动自行车充电的情况较多，存在火灾隐患。居委会提议在小区南门空地增设一处充电棚，约20个车位，按电量收费。',
      '请各位居民发表意见。投票期间结果实时公布，满3票后显示各选项票数。',
    ],
    voterMode: 'person',
    resultsVisibility: 'live',
    minBallots: 3,
    quorumPercent: 0,
    passRule: 'simple_majority',
    opinionsEnabled: true,
    questions: [
      { title: '您是否同意在南门增设充电棚？', options: ['同意', '不同意', '弃权'] },
      { title: '您希望充电棚提供哪些设施？（最多选两项）', kind: 'multiple', maxChoices: 2, options: ['遮雨棚顶', '监控摄像头', '灭火器', '夜间照明'] },
    ],
    days: [-1, 6],
    ballots: [
      ['resident2', 0],
      ['volunteer', 0],
    ],
  },
  {
    title: '中心广场增设休闲座椅',
    background: ['中心广场老人多、座椅少。居委会提议用社区公益金增设8张休闲座椅，每户一票。'],
    voterMode: 'household',
    resultsVisibility: 'after_close',
    minBallots: 3,
    quorumPercent: 50,
    passRule: 'two_thirds',
    opinionsEnabled: false,
    questions: [{ title: '您家是否同意增设休闲座椅？', options: ['同意', '不同意'] }],
    days: [-14, -7],
    ballots: [
      ['resident', 0],
      ['resident2', 0],
      ['volunteer', 1],
    ],
    statement: '经本社区居民投票（每户一票），同意在中心广场增设休闲座椅。居委会将于下月施工，施工期间请绕行。',
  },
];

/**
 * Demo consultations in 幸福里社区: one open (two ballots cast, so the third makes the counts appear) and one
 * closed with its 公示. Ballots go through the same repository calls as the app's. Runs inside the seed's transaction.
 */
export async function seedDemoPolls(db: Database, ids: { communityId: number; createdBy: number }, now: Date): Promise<void> {
  const polls = new PollsRepository(db, new CacheInvalidator(db));
  const participation = new ParticipationRepository(db);
  const ballots = new BallotBoxRepository(db);
  const electorate = new ElectorateRepository(db);
  for (const demo of DEMO_POLLS) {
    const opensAt = new Date(now.getTime() + demo.days[0] * DAY);
    const closesAt = new Date(now.getTime() + demo.days[1] * DAY);
    const pollId = await polls.insert({
      communityId: ids.communityId,
      createdBy: ids.createdBy,
      title: demo.title,
      background: demo.background.map((text) => `<p>${text}</p>`).join(''),
      buildings: '[]',
      voterMode: demo.voterMode,
      secrecy: 'secret',
      opensAt,
      // Open until the ballots are in; the closed one closes right after.
      closesAt: new Date(Math.max(closesAt.getTime(), now.getTime() + DAY)),
      resultsVisibility: demo.resultsVisibility,
      minBallots: demo.minBallots,
      quorumPercent: demo.quorumPercent,
      passRule: demo.passRule,
      opinionsEnabled: demo.opinionsEnabled ? 1 : 0,
      status: 'open',
      createdAt: opensAt,
    } as NewPoll);
    await polls.replaceQuestions(
      pollId,
      demo.questions.map((q) => ({
        title: q.title,
        kind: q.kind ?? 'single',
        minChoices: 1,
        maxChoices: q.maxChoices ?? 1,
        options: q.options.map((label) => ({ label, description: '' })),
      })),
    );
    const shape = await polls.shape(pollId);
    const castAt = new Date(opensAt.getTime() + DAY);
    for (const [persona, index] of demo.ballots) {
      const user = await db.run((em) => em.findOneByOrFail(User, { openid: personaOpenid(persona) }));
      const [home] = await electorate.homesOf(user.id, ids.communityId);
      const answers = normalisedAnswers(shape, shape.questions.map((q) => ({ questionId: q.id, optionIds: [q.options[index].id] })));
      const voterKey = demo.voterMode === 'household' ? householdKey(home.householdId) : personKey(user.id);
      if (!(await participation.insertIfAllowed(pollId, voterKey, 'online', null, castAt))) throw new Error('demo poll not open');
      const ballotId = newBallotId();
      await ballots.drop(
        { id: ballotId, pollId, answers: JSON.stringify(answers), opinion: '', opinionHeld: 0, receiptHash: receiptHash(newReceiptCode()) },
        answers.flatMap((a) => a.optionIds.map((optionId) => ({ questionId: a.questionId, optionId }))),
      );
    }
    if (!demo.statement) continue;
    await polls.close(pollId, closesAt);
    await polls.publish(pollId, now, demo.statement);
    const poll = (await polls.state(pollId)) as Poll;
    const eligible = await electorate.eligibleCount(ids.communityId, [], demo.voterMode);
    const counts = { ...(await participation.counts(pollId)), votes: await ballots.tally(pollId) };
    const results: PollResults = { ...resultsOf(poll, demo, shape, counts, eligible, true, now), phase: 'published' };
    await polls.update(pollId, { publicationResults: JSON.stringify(results) } as Partial<NewPoll>);
  }
}
