import { Injectable } from '@nestjs/common';
import { ballotSecrecyLabels, formatMoment, type PageQuery, passRuleLabels, type PollOpinionPage, voterModeLabels } from '@linli/shared';
import ExcelJS from 'exceljs';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { toSafeCsv } from '../common/csv-file.js';
import { Database } from '../database/database.js';
import type { DownloadFile } from '../common/send-file.js';
import { BallotBoxRepository } from './ballot-box.repository.js';
import { PollDefinitions, type PollDefinition } from './poll-definitions.js';
import { PollResultsService } from './poll-results.service.js';
import type { Poll } from './poll.entity.js';
import { phaseOf } from './poll-rules.js';
import { PollsService } from './polls.service.js';

/**
 * The results for the committee's records — as a file (tally, turnout, quorum, outcome and the opinion box), and
 * the opinion box on screen — under one rule: for staff who manage the poll, once voting has closed.
 */
@Injectable()
export class PollExportService {
  constructor(
    private readonly db: Database,
    private readonly pollsService: PollsService,
    private readonly definitions: PollDefinitions,
    private readonly results: PollResultsService,
    private readonly ballots: BallotBoxRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async export(auth: AuthContext, id: number, format: 'csv' | 'xlsx'): Promise<DownloadFile> {
    const { poll, definition } = await this.closed(auth, id);
    const results = poll.publicationResults ? await this.results.forReader(poll, definition, true) : await this.results.compute(poll, definition, true, { fresh: true });
    const opinions = definition.opinionsEnabled ? await this.ballots.opinions(id) : [];
    const held = definition.opinionsEnabled ? (await this.ballots.heldOpinions([id])).length : 0;
    const turnout = results.turnout!;
    const yes = (b: boolean) => (b ? '是' : '否');
    const rows: unknown[][] = [
      ['议事投票', poll.title],
      ['社区', poll.community.name],
      ['投票方式', `${voterModeLabels[poll.voterMode]}，${ballotSecrecyLabels[poll.secrecy]}`],
      ['投票时间', `${formatMoment(poll.opensAt)} 至 ${formatMoment(poll.closesAt)}`],
      [],
      ['问题', '选项', '票数', '占投票数'],
    ];
    if (results.questions) {
      for (const q of results.questions) {
        for (const o of q.options) {
          const share = turnout.ballotsCast ? `${Math.round((o.votes * 1000) / turnout.ballotsCast) / 10}%` : '0%';
          rows.push([q.title, o.label, o.votes, share]);
        }
      }
    } else {
      rows.push([results.hiddenReason ?? '']);
    }
    rows.push(
      [],
      ['投票数', turnout.ballotsCast],
      ['其中网上投票', turnout.online],
      ['其中纸质选票', turnout.paper],
      ['有投票资格', turnout.eligible],
      ['参与率', `${turnout.percent}%`],
    );
    if (results.outcome) {
      rows.push(
        ['最低参与率', `${results.outcome.quorumPercent}%`],
        ['达到最低参与率', yes(results.outcome.quorumMet)],
        ['通过规则', passRuleLabels[results.outcome.passRule]],
        ['是否通过', yes(results.outcome.passed)],
      );
    }
    if (poll.publishedAt) rows.push(['公示时间', formatMoment(poll.publishedAt)], ['公示说明', poll.publicationStatement ?? '']);
    if (definition.opinionsEnabled) rows.push([], [`居民意见（${opinions.length}条）`], ...opinions.map((o) => [o]));
    if (held > 0) rows.push([`另有${held}条意见待工作人员审核，审核通过后才列出`]);

    const body = format === 'csv' ? toSafeCsv(rows) : await toXlsx(rows);
    await this.db.transaction(() =>
      this.audit.append({
        actorId: auth.userId,
        action: 'poll.export_results',
        communityId: poll.communityId,
        targetType: 'poll',
        targetId: id,
        detail: { format },
      }),
    );
    return {
      filename: `${poll.title}-投票结果.${format}`,
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body,
    };
  }

  /** The opinions the export lists, a page at a time (in ballot-id order, not the export's alphabetical one), and how many are held. */
  async opinions(auth: AuthContext, id: number, { page, pageSize }: PageQuery): Promise<PollOpinionPage> {
    const { definition } = await this.closed(auth, id);
    const { opinions, total, held } = definition.opinionsEnabled
      ? await this.ballots.opinionPage(id, (page - 1) * pageSize, pageSize)
      : { opinions: [], total: 0, held: 0 };
    return { items: opinions.map((opinion) => ({ opinion })), total, held, page, pageSize };
  }

  private async closed(auth: AuthContext, id: number): Promise<{ poll: Poll; definition: PollDefinition }> {
    const poll = await this.pollsService.managed(auth, id);
    const phase = phaseOf(poll, this.clock.now());
    if (phase === 'draft') throw new AppError('POLL_DRAFT');
    if (phase !== 'closed' && phase !== 'published') throw new AppError('POLL_NOT_CLOSED');
    return { poll, definition: (await this.definitions.get(id, poll))! };
  }
}

async function toXlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('投票结果');
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 30;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
