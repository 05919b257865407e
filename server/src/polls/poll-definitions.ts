import { Injectable } from '@nestjs/common';
import type { BallotSecrecy, PassRule, PollQuestion as PollQuestionDto, ResultsVisibility, VoterMode } from '@linli/shared';
import type { Poll } from './poll.entity.js';
import { buildingsOf, type PollShape } from './poll-rules.js';
import { PollsRepository } from './polls.repository.js';

/** What a poll is: fixed once it is published (only its status, closesAt and publication move). */
export interface PollDefinition {
  id: number;
  communityId: number;
  title: string;
  buildings: string[];
  voterMode: VoterMode;
  secrecy: BallotSecrecy;
  opinionsEnabled: boolean;
  resultsVisibility: ResultsVisibility;
  minBallots: number;
  quorumPercent: number;
  passRule: PassRule;
  opensAt: Date;
  /** As last read: a hint for failing fast; the conditional UPDATE that counts a ballot is what decides. */
  status: Poll['status'];
  closesAt: Date;
  /** Sanitised HTML. */
  background: string;
  shape: PollShape;
  questions: PollQuestionDto[];
}

const MAX_CACHED = 1000;

/**
 * Published polls' definitions, kept in memory: a ballot is checked against them without a query. Safe across
 * server instances because nothing cached can change after publication; drafts are never cached.
 */
@Injectable()
export class PollDefinitions {
  private readonly cache = new Map<number, PollDefinition>();

  constructor(private readonly polls: PollsRepository) {}

  async get(id: number, loaded?: Poll): Promise<PollDefinition | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const poll = loaded ?? (await this.polls.findById(id));
    if (!poll) return null;
    const { questions, descriptions } = await this.polls.shape(id);
    const definition: PollDefinition = {
      id: poll.id,
      communityId: poll.communityId,
      title: poll.title,
      buildings: buildingsOf(poll),
      voterMode: poll.voterMode,
      secrecy: poll.secrecy,
      opinionsEnabled: poll.opinionsEnabled === 1,
      resultsVisibility: poll.resultsVisibility,
      minBallots: poll.minBallots,
      quorumPercent: poll.quorumPercent,
      passRule: poll.passRule,
      opensAt: poll.opensAt,
      status: poll.status,
      closesAt: poll.closesAt,
      background: poll.background,
      shape: { questions },
      questions: questions.map((q) => ({ ...q, options: q.options.map((o) => ({ ...o, description: descriptions.get(o.id) ?? '' })) })),
    };
    if (poll.status !== 'draft') {
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(id, definition);
    }
    return definition;
  }

  /** After closing here: the next ballot fails fast instead of at the conditional UPDATE. */
  forget(id: number): void {
    this.cache.delete(id);
  }
}
