import type { BallotAnswer, ErrorCode, PassRule, PollPhase, QuestionTally } from '@linli/shared';
import { AppError } from '../common/app-error.js';
import type { Poll } from './poll.entity.js';

/** The questions and options of a poll, as ballots are checked against them. */
export interface PollShape {
  questions: { id: number; title: string; kind: 'single' | 'multiple'; minChoices: number; maxChoices: number; options: { id: number; label: string }[] }[];
}

export function phaseOf(poll: Pick<Poll, 'status' | 'opensAt' | 'closesAt' | 'publishedAt'>, now: Date): PollPhase {
  if (poll.status === 'draft') return 'draft';
  if (poll.publishedAt) return 'published';
  if (poll.status === 'closed' || now >= poll.closesAt) return 'closed';
  if (now < poll.opensAt) return 'upcoming';
  return 'open';
}

/** Why a ballot cannot be cast now, from the poll's phase; null while open. */
export function windowBlocker(phase: PollPhase): ErrorCode | null {
  if (phase === 'draft') return 'POLL_DRAFT';
  if (phase === 'upcoming') return 'POLL_NOT_OPEN';
  if (phase === 'closed' || phase === 'published') return 'POLL_CLOSED';
  return null;
}

/**
 * Checks a ballot against the poll's questions and returns the chosen option ids: every question answered
 * once, with between minChoices and maxChoices of its own options.
 */
export function chosenOptions(shape: PollShape, answers: BallotAnswer[]): number[] {
  const byQuestion = new Map(shape.questions.map((q) => [q.id, q]));
  const answered = new Set<number>();
  const chosen: number[] = [];
  for (const answer of answers) {
    const question = byQuestion.get(answer.questionId);
    if (!question || answered.has(answer.questionId)) throw new AppError('BALLOT_OPTION_INVALID');
    answered.add(answer.questionId);
    const own = new Set(question.options.map((o) => o.id));
    if (answer.optionIds.some((id) => !own.has(id))) throw new AppError('BALLOT_OPTION_INVALID');
    if (answer.optionIds.length > question.maxChoices) throw new AppError('BALLOT_TOO_MANY_OPTIONS');
    if (answer.optionIds.length < question.minChoices) throw new AppError('BALLOT_TOO_FEW_OPTIONS');
    chosen.push(...answer.optionIds);
  }
  if (answered.size !== shape.questions.length) throw new AppError('BALLOT_TOO_FEW_OPTIONS');
  return chosen.sort((a, b) => a - b);
}

/** The answers in the poll's own question order, as stored and shown back. */
export function normalisedAnswers(shape: PollShape, answers: BallotAnswer[]): BallotAnswer[] {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a.optionIds]));
  return shape.questions.map((q) => ({ questionId: q.id, optionIds: [...(byQuestion.get(q.id) ?? [])].sort((a, b) => a - b) }));
}

/** Whether `votes` of `ballots` meets the pass rule: more than half, or at least two thirds. */
export function meetsRule(rule: PassRule, votes: number, ballots: number): boolean {
  if (ballots === 0) return false;
  return rule === 'simple_majority' ? votes * 2 > ballots : votes * 3 >= ballots * 2;
}

/** Each question's options with their votes (option id → votes), and the adopted option. */
export function tallyOf(shape: PollShape, votes: Map<number, number>, rule: PassRule, ballots: number): QuestionTally[] {
  return shape.questions.map((q) => {
    const options = q.options.map((o) => ({ optionId: o.id, label: o.label, votes: votes.get(o.id) ?? 0 }));
    // The most-voted option, if it meets the rule and is not tied (a tie can only happen in multiple choice).
    const [first, second] = [...options].sort((a, b) => b.votes - a.votes);
    const adopted = meetsRule(rule, first.votes, ballots) && (!second || second.votes < first.votes) ? first : null;
    return { questionId: q.id, title: q.title, options, adoptedOptionId: adopted?.optionId ?? null };
  });
}

/** Turnout in percent with one decimal. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

export function quorumMet(quorumPercent: number, ballots: number, eligible: number): boolean {
  return ballots * 100 >= quorumPercent * eligible;
}

export function personKey(userId: number): string {
  return `u:${userId}`;
}

export function householdKey(householdId: number): string {
  return `h:${householdId}`;
}

export function buildingsOf(poll: Pick<Poll, 'buildings'>): string[] {
  return JSON.parse(poll.buildings) as string[];
}
