import { Injectable } from '@nestjs/common';
import type { Companion, HeldContent, HeldContentDecision, SignupAnswers } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { questionsOf } from '../activities/activity.mapper.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import { ContentCheckService } from '../content-check/content-check.service.js';
import { Database } from '../database/database.js';
import { BallotBoxRepository } from '../polls/ballot-box.repository.js';
import { HeldContentRepository } from './held-content.repository.js';

/** What a rejected text becomes: the sign-up keeps its place and the ballot stays counted, only the words go. */
const REMOVED = '（未通过审核，已隐藏）';

/**
 * The queue of texts the content check held for a staff member's look: sign-up answers and companion names (the
 * committee of the activity's community, or whoever manages the activity) and opinions (the poll's managers).
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly db: Database,
    private readonly held: HeldContentRepository,
    private readonly ballots: BallotBoxRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
    private readonly contentCheck: ContentCheckService,
  ) {}

  async list(auth: AuthContext, communityId: number): Promise<HeldContent> {
    await this.access.assertResidentAdmin(auth, communityId);
    const [signups, polls, nicknames] = await Promise.all([
      this.held.heldSignups(communityId),
      this.held.pollsWithOpinions(communityId),
      this.held.heldNicknames(communityId),
    ]);
    const titles = new Map(polls.map((p) => [p.id, p.title]));
    const opinions = await this.ballots.heldOpinions(polls.map((p) => p.id));
    return {
      checks: this.contentCheck.mode,
      signups: signups.map((s) => {
        const answers = JSON.parse(s.answers) as SignupAnswers;
        return {
          signupId: s.id,
          activity: { id: s.activity.id, title: s.activity.title },
          nickname: s.user.nickname,
          companions: JSON.parse(s.companions) as Companion[],
          answers: questionsOf(s.activity)
            .filter((q) => q.kind === 'text' && typeof answers[q.id] === 'string' && answers[q.id] !== '')
            .map((q) => ({ question: q.title, answer: answers[q.id] as string })),
        };
      }),
      opinions: opinions.map((o) => ({ poll: { id: o.pollId, title: titles.get(o.pollId)! }, ballotId: o.ballotId, opinion: o.opinion })),
      nicknames: nicknames.map((u) => ({ userId: u.id, nickname: u.nickname, pendingNickname: u.pendingNickname! })),
    };
  }

  async decide(auth: AuthContext, decision: HeldContentDecision): Promise<{ approved: boolean }> {
    if (decision.kind === 'signup') await this.decideSignup(auth, decision.signupId, decision.approve);
    else if (decision.kind === 'opinion') await this.decideOpinion(auth, decision.pollId, decision.ballotId, decision.approve);
    else await this.decideNickname(auth, decision.userId, decision.pendingNickname, decision.approve);
    return { approved: decision.approve };
  }

  private async decideSignup(auth: AuthContext, signupId: number, approve: boolean): Promise<void> {
    const signup = await this.held.findSignup(signupId);
    if (!signup || signup.contentHeld !== 1) throw new AppError('HELD_CONTENT_NOT_FOUND');
    await this.access.assertManagesActivity(auth, signup.activity);
    const rejected = approve ? null : removedTexts(signup.companions, signup.answers, textQuestionIds(signup.activity));
    await this.db.transaction(async () => {
      if (!(await this.held.decideSignup(signupId, rejected))) throw new AppError('HELD_CONTENT_NOT_FOUND');
      await this.audit.append({
        actorId: auth.userId,
        action: approve ? 'moderation.approve' : 'moderation.reject',
        communityId: signup.activity.communityId,
        targetType: 'signup',
        targetId: signupId,
      });
    });
  }

  /** Staff of any community the resident lives in or claimed a home in decide; the audit names that community. */
  private async decideNickname(auth: AuthContext, userId: number, pendingNickname: string, approve: boolean): Promise<void> {
    const theirs = await this.held.communitiesOf(userId);
    if (theirs.length === 0) throw new AppError('HELD_CONTENT_NOT_FOUND');
    const mine = await this.access.residentAdminCommunities(auth);
    const communityId = theirs.find((id) => mine.has(id));
    if (communityId === undefined) throw new AppError('OUT_OF_SCOPE');
    await this.db.transaction(async () => {
      if (!(await this.held.decideNickname(userId, pendingNickname, approve))) throw new AppError('HELD_CONTENT_NOT_FOUND');
      await this.audit.append({
        actorId: auth.userId,
        action: approve ? 'moderation.approve' : 'moderation.reject',
        communityId,
        targetType: 'user',
        targetId: userId,
      });
    });
  }

  /** The audit names the poll, not the ballot: nothing written beside a secret ballot should point at it. */
  private async decideOpinion(auth: AuthContext, pollId: number, ballotId: string, approve: boolean): Promise<void> {
    const poll = await this.held.findPoll(pollId);
    if (!poll) throw new AppError('HELD_CONTENT_NOT_FOUND');
    await this.access.assertManagesPoll(auth, poll);
    await this.db.transaction(async () => {
      if (!(await this.ballots.decideOpinion(pollId, ballotId, approve))) throw new AppError('HELD_CONTENT_NOT_FOUND');
      await this.audit.append({
        actorId: auth.userId,
        action: approve ? 'moderation.approve' : 'moderation.reject',
        communityId: poll.communityId,
        targetType: 'poll',
        targetId: pollId,
      });
    });
  }
}

function textQuestionIds(activity: Parameters<typeof questionsOf>[0]): Set<string> {
  return new Set(questionsOf(activity).filter((q) => q.kind === 'text').map((q) => String(q.id)));
}

/** Companions keep their seats under a placeholder name; typed-in answers are replaced, chosen options stay. */
function removedTexts(companionsJson: string, answersJson: string, textQuestions: Set<string>) {
  const companions = (JSON.parse(companionsJson) as Companion[]).map((_, i) => ({ name: `同行家人${i + 1}`, relation: '已隐藏' }));
  const answers = Object.fromEntries(
    Object.entries(JSON.parse(answersJson) as SignupAnswers).map(([id, a]) => [id, textQuestions.has(id) && typeof a === 'string' ? REMOVED : a]),
  );
  return { companions: JSON.stringify(companions), answers: JSON.stringify(answers) };
}
