import { z } from 'zod';
import { DateTimeSchema, IdParamSchema, IdSchema, PageQuerySchema, pageOf, text, withoutDefaults } from './common.js';

/** One vote per verified resident, or one per household cast by any of its verified members. */
export const VoterModeSchema = z.enum(['person', 'household']);
export type VoterMode = z.infer<typeof VoterModeSchema>;
export const voterModeLabels: Record<VoterMode, string> = { person: '每位认证居民一票', household: '每户一票' };

/** Secret: the ballot is stored apart from the record that its voter took part. Named: the voter's choices are kept with them. */
export const BallotSecrecySchema = z.enum(['secret', 'named']);
export type BallotSecrecy = z.infer<typeof BallotSecrecySchema>;
export const ballotSecrecyLabels: Record<BallotSecrecy, string> = { secret: '无记名投票', named: '记名投票' };

export const ResultsVisibilitySchema = z.enum(['live', 'after_close']);
export type ResultsVisibility = z.infer<typeof ResultsVisibilitySchema>;
export const resultsVisibilityLabels: Record<ResultsVisibility, string> = {
  live: '投票期间实时公布',
  after_close: '投票结束后公布',
};

/** An option is adopted when its votes are more than half (or at least two thirds) of the ballots cast. */
export const PassRuleSchema = z.enum(['simple_majority', 'two_thirds']);
export type PassRule = z.infer<typeof PassRuleSchema>;
export const passRuleLabels: Record<PassRule, string> = {
  simple_majority: '超过投票数的一半',
  two_thirds: '达到投票数的三分之二',
};

export const PollQuestionKindSchema = z.enum(['single', 'multiple']);
export type PollQuestionKind = z.infer<typeof PollQuestionKindSchema>;

/**
 * What residents see: draft (staff only) → upcoming (published, before opensAt) → open → closed (closesAt
 * passed, or closed early) → published (the 公示 is out).
 */
export const PollPhaseSchema = z.enum(['draft', 'upcoming', 'open', 'closed', 'published']);
export type PollPhase = z.infer<typeof PollPhaseSchema>;
export const pollPhaseLabels: Record<PollPhase, string> = {
  draft: '草稿',
  upcoming: '未开始',
  open: '投票中',
  closed: '已结束',
  published: '已公示',
};

export const BallotChannelSchema = z.enum(['online', 'paper']);
export type BallotChannel = z.infer<typeof BallotChannelSchema>;
export const ballotChannelLabels: Record<BallotChannel, string> = { online: '网上投票', paper: '纸质选票' };

/**
 * The background is rich text as HTML (headings, paragraphs, bold, lists, links, pictures), written with the same
 * editor as articles; the server sanitises it with the articles' allowlist and keeps only images of Linli's own
 * uploads, so what is stored is what residents get.
 */
export const pollBackgroundLimits = { maxChars: 100_000 } as const;

export const PollOptionInputSchema = z.object({
  label: text(40),
  description: z.string().trim().max(200).default(''),
});

/** Single choice is exactly one option; multiple choice picks between minChoices and maxChoices. */
export const PollQuestionInputSchema = z
  .object({
    title: text(100),
    kind: PollQuestionKindSchema.default('single'),
    minChoices: z.number().int().min(1).max(20).default(1),
    maxChoices: z.number().int().min(1).max(20).default(1),
    options: z.array(PollOptionInputSchema).min(2).max(20),
  })
  .refine((q) => q.kind === 'multiple' || (q.minChoices === 1 && q.maxChoices === 1), {
    message: '单选题只能选一项',
    path: ['maxChoices'],
  })
  .refine((q) => q.minChoices <= q.maxChoices, { message: '最少选择数不能大于最多选择数', path: ['minChoices'] })
  .refine((q) => q.maxChoices <= q.options.length, { message: '最多选择数不能超过选项数', path: ['maxChoices'] });
export type PollQuestionInput = z.infer<typeof PollQuestionInputSchema>;

const pollFields = {
  title: text(60),
  background: z.string().max(pollBackgroundLimits.maxChars).default(''),
  /** Only residents of these buildings (楼栋, e.g. "1栋") vote; empty = the whole community. */
  buildings: z.array(text(32)).max(100).default([]),
  questions: z.array(PollQuestionInputSchema).min(1).max(20),
  voterMode: VoterModeSchema.default('person'),
  secrecy: BallotSecrecySchema.default('secret'),
  opensAt: DateTimeSchema,
  closesAt: DateTimeSchema,
  resultsVisibility: ResultsVisibilitySchema.default('after_close'),
  /** Below this many ballots, per-option counts are not shown (turnout still is). */
  minBallots: z.number().int().min(1).max(100_000).default(10),
  /** Minimum turnout, as a percentage of eligible persons (or households); 0 = no quorum. */
  quorumPercent: z.number().int().min(0).max(100).default(0),
  passRule: PassRuleSchema.default('simple_majority'),
  /** Free-text opinions with the ballot (stored with the ballot, so as secret as it). */
  opinionsEnabled: z.boolean().default(false),
};

export const CreatePollSchema = z.object({ communityId: IdSchema, ...pollFields });
export type CreatePoll = z.infer<typeof CreatePollSchema>;

/** Drafts only: once a poll is published its questions and rules are fixed. An edit changes only what it sends. */
export const UpdatePollSchema = z.object(withoutDefaults(pollFields)).partial();
export type UpdatePoll = z.infer<typeof UpdatePollSchema>;

export const PollOptionSchema = z.object({ id: IdSchema, label: z.string(), description: z.string() });
export type PollOption = z.infer<typeof PollOptionSchema>;
export const PollQuestionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  kind: PollQuestionKindSchema,
  minChoices: z.number().int(),
  maxChoices: z.number().int(),
  options: z.array(PollOptionSchema),
});
export type PollQuestion = z.infer<typeof PollQuestionSchema>;

export const PollSummarySchema = z.object({
  id: IdSchema,
  communityId: IdSchema,
  communityName: z.string(),
  title: z.string(),
  phase: PollPhaseSchema,
  voterMode: VoterModeSchema,
  secrecy: BallotSecrecySchema,
  buildings: z.array(z.string()),
  opensAt: DateTimeSchema,
  closesAt: DateTimeSchema,
  resultsVisibility: ResultsVisibilitySchema,
  /** Whether I (or, one vote per household, my household) have voted. */
  voted: z.boolean(),
});
export type PollSummary = z.infer<typeof PollSummarySchema>;

/** One question's answer: the chosen option ids. */
export const BallotAnswerSchema = z.object({
  questionId: IdSchema,
  optionIds: z
    .array(IdSchema)
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: '同一个选项只能选一次' }),
});
export type BallotAnswer = z.infer<typeof BallotAnswerSchema>;

export const OptionTallySchema = z.object({ optionId: IdSchema, label: z.string(), votes: z.number().int().nonnegative() });
export const QuestionTallySchema = z.object({
  questionId: IdSchema,
  title: z.string(),
  options: z.array(OptionTallySchema),
  /** The option whose votes meet the pass rule (of ballots cast), or null. */
  adoptedOptionId: IdSchema.nullable(),
});
export type QuestionTally = z.infer<typeof QuestionTallySchema>;

export const TurnoutSchema = z.object({
  ballotsCast: z.number().int().nonnegative(),
  online: z.number().int().nonnegative(),
  paper: z.number().int().nonnegative(),
  /**
   * Verified residents (or households with at least one verified resident) of the community, or of the chosen
   * buildings, counted when the figure is computed; the 公示 keeps the figure of the moment it was published.
   */
  eligible: z.number().int().nonnegative(),
  /** ballotsCast / eligible, in percent with one decimal (0 when nobody is eligible). */
  percent: z.number().nonnegative(),
});
export type Turnout = z.infer<typeof TurnoutSchema>;

export const PollResultsSchema = z.object({
  pollId: IdSchema,
  phase: PollPhaseSchema,
  /** Null while hidden from me (results after closing; staff who manage the poll always see it). */
  turnout: TurnoutSchema.nullable(),
  /** Per-option counts: null while hidden (after closing only, or fewer ballots than minBallots). */
  questions: z.array(QuestionTallySchema).nullable(),
  /** Why counts are hidden, in words a resident understands; null when shown. */
  hiddenReason: z.string().nullable(),
  /** After closing: whether turnout reached the quorum, and whether every question has an adopted option. */
  outcome: z
    .object({
      quorumPercent: z.number().int(),
      quorumMet: z.boolean(),
      passRule: PassRuleSchema,
      passed: z.boolean(),
    })
    .nullable(),
});
export type PollResults = z.infer<typeof PollResultsSchema>;

export const PublishPollSchema = z.object({ statement: text(2000).describe('The committee’s statement on the outcome') });

/** The result notice (公示): the statement and the results as they were when it was published. */
export const PollPublicationSchema = z.object({
  statement: z.string(),
  publishedAt: DateTimeSchema,
  results: PollResultsSchema,
});

export const PollDetailSchema = PollSummarySchema.extend({
  /** Sanitised HTML ('' when there is none). */
  background: z.string(),
  questions: z.array(PollQuestionSchema),
  minBallots: z.number().int(),
  quorumPercent: z.number().int(),
  passRule: PassRuleSchema,
  opinionsEnabled: z.boolean(),
  /** Whether I may vote now: reason is "您可以投票" or why not, in plain words. */
  eligibility: z.object({ eligible: z.boolean(), reason: z.string() }),
  /** How my (or my household's) vote was cast, or null. */
  myVote: z.object({ channel: BallotChannelSchema, byHousehold: z.boolean() }).nullable(),
  /** My choices, for a named ballot only; a secret ballot is never shown again after casting. */
  myAnswers: z.array(BallotAnswerSchema).nullable(),
  canManage: z.boolean(),
  publication: PollPublicationSchema.nullable(),
});
export type PollDetail = z.infer<typeof PollDetailSchema>;

export const PollListQuerySchema = PageQuerySchema.extend({
  communityId: IdParamSchema.optional(),
  /** open: upcoming and open; closed: closed and published. */
  state: z.enum(['open', 'closed', 'all']).default('all'),
  /** Staff view: every poll of the communities I manage, drafts included. */
  manage: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});
export type PollListQuery = z.infer<typeof PollListQuerySchema>;
/**
 * A row of the list: the summary and the turnout as far as it is visible to me (the rule of PollResults.turnout:
 * null while hidden). Optional so a server that does not compute it for lists still answers the contract.
 */
export const PollListItemSchema = PollSummarySchema.extend({ turnout: TurnoutSchema.nullable().optional() });
export type PollListItem = z.infer<typeof PollListItemSchema>;
export const PollPageSchema = pageOf(PollListItemSchema);

export const CastBallotSchema = z.object({
  answers: z.array(BallotAnswerSchema).max(20),
  opinion: z.string().trim().max(500).default(''),
  /** One vote per household: which of my households votes (defaults to my first eligible one). */
  householdId: IdSchema.optional(),
});
export type CastBallot = z.infer<typeof CastBallotSchema>;

/**
 * What the voter gets back once. The receipt code checks that the ballot is counted and nothing else; it is
 * not stored (only its hash is) and cannot be shown again.
 */
export const BallotReceiptSchema = z.object({
  pollId: IdSchema,
  channel: BallotChannelSchema,
  secrecy: BallotSecrecySchema,
  receiptCode: z.string(),
  /** Named ballots only; null for a secret ballot. */
  answers: z.array(BallotAnswerSchema).nullable(),
  /** The opinion waits for a staff member's look (content check) before it is published with the results. */
  opinionHeld: z.boolean().optional(),
});
export type BallotReceipt = z.infer<typeof BallotReceiptSchema>;

/** Staff enter a paper ballot for one eligible person (one vote per person) or household (one per household). */
export const PaperBallotSchema = z
  .object({
    userId: IdSchema.optional(),
    householdId: IdSchema.optional(),
    answers: z.array(BallotAnswerSchema).max(20),
    opinion: z.string().trim().max(500).default(''),
  })
  .refine((b) => (b.userId === undefined) !== (b.householdId === undefined), {
    message: '请选择一位居民或一户',
    path: ['userId'],
  });
export type PaperBallot = z.infer<typeof PaperBallotSchema>;

export const PaperBallotResultSchema = BallotReceiptSchema.extend({ turnout: TurnoutSchema });

export const ReceiptParamsSchema = z.object({ id: IdParamSchema, code: z.string().min(1).max(64) });
/** Whether a ballot with this receipt is counted in this poll: never which options it chose. */
export const ReceiptCheckSchema = z.object({ pollId: IdSchema, counted: z.boolean() });

export const PollVotersQuerySchema = z.object({ householdId: IdParamSchema });
/** For paper ballot entry: one household's verified residents and who has voted. */
export const PollHouseholdVotersSchema = z.object({
  householdId: IdSchema,
  address: z.string().describe('楼栋单元房号, e.g. 1栋1单元101'),
  /** In the poll's buildings, with at least one verified resident. */
  eligible: z.boolean(),
  /** One vote per household: how the household voted, or null. */
  householdVote: z.object({ channel: BallotChannelSchema }).nullable(),
  residents: z.array(
    z.object({ userId: IdSchema, name: z.string(), vote: z.object({ channel: BallotChannelSchema }).nullable() }),
  ),
});
export type PollHouseholdVoters = z.infer<typeof PollHouseholdVotersSchema>;

/**
 * The opinion box on screen, for staff who manage the poll, under the export's rule: once voting has closed,
 * without those held for review (only how many wait). Each opinion is its words alone — no voter, no time — in
 * the order of the random ballot ids, so neither the order nor a page says who wrote it or when.
 */
export const PollOpinionSchema = z.object({ opinion: z.string() });
export const PollOpinionPageSchema = pageOf(PollOpinionSchema).extend({
  /** Opinions waiting for a staff member's review (待审核): not listed until approved. */
  held: z.number().int().nonnegative(),
});
export type PollOpinionPage = z.infer<typeof PollOpinionPageSchema>;

export const PollExportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const PollIdParamsSchema = z.object({ id: IdParamSchema });
