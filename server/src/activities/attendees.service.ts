import { Injectable } from '@nestjs/common';
import { type Companion, formatMoment, type SignupAnswers, signupRoleLabels, signupStatusLabels } from '@linli/shared';
import ExcelJS from 'exceljs';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import { toSafeCsv } from '../common/csv-file.js';
import { Database } from '../database/database.js';
import type { DownloadFile } from '../common/send-file.js';
import { ActivitiesRepository } from './activities.repository.js';
import type { Activity } from './activity.entity.js';
import { questionsOf, toSignupDto } from './activity.mapper.js';
import { SignupsRepository } from './signups.repository.js';

/** The attendee list for staff, on screen and as a file. */
@Injectable()
export class AttendeesService {
  constructor(
    private readonly db: Database,
    private readonly activities: ActivitiesRepository,
    private readonly signups: SignupsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditRepository,
  ) {}

  async list(auth: AuthContext, activityId: number) {
    const activity = await this.managed(auth, activityId);
    const rows = await this.signups.ofActivity(activity.id);
    const noShows = await this.signups.noShowCounts([...new Set(rows.map((s) => s.userId))]);
    let position = 0;
    const items = rows.map((s) => ({
      ...toSignupDto(s, s.status === 'waitlisted' ? ++position : null),
      user: { id: s.userId, nickname: s.user.nickname, noShowCount: noShows.get(s.userId) ?? 0 },
    }));
    const percent = activity.seats > 0 ? Math.floor((activity.seatsTaken * 100) / activity.seats) : 0;
    const threshold = percent >= 100 ? 100 : percent >= 80 ? 80 : percent >= 50 ? 50 : null;
    return { items, fill: { seats: activity.seats, seatsTaken: activity.seatsTaken, percent, threshold } };
  }

  /** Every export is written to the audit log: it carries residents' personal details out of the system. */
  async export(auth: AuthContext, activityId: number, format: 'csv' | 'xlsx'): Promise<DownloadFile> {
    const { items } = await this.list(auth, activityId);
    const activity = (await this.activities.findById(activityId))!;
    const questions = questionsOf(activity);
    const header = ['序号', '昵称', '角色', '状态', '人数', '同行家人', ...questions.map((q) => q.title), '报名时间', '签到时间', '签退时间', '服务时长(小时)', '累计未到场次数'];
    const lines = items.map((s, i) => [
      i + 1,
      s.user.nickname,
      signupRoleLabels[s.role],
      signupStatusLabels[s.status],
      s.size,
      companionsText(s.companions),
      ...questions.map((q) => answerText(s.answers, q.id)),
      formatMoment(new Date(s.createdAt)),
      s.checkedInAt ? formatMoment(new Date(s.checkedInAt)) : '',
      s.checkedOutAt ? formatMoment(new Date(s.checkedOutAt)) : '',
      s.hours ?? '',
      s.user.noShowCount,
    ]);
    const body = format === 'csv' ? toSafeCsv([header, ...lines]) : await toXlsx(activity.title, header, lines);
    await this.db.transaction(() =>
      this.audit.append({
        actorId: auth.userId,
        action: 'activity.export_signups',
        communityId: activity.communityId,
        targetType: 'activity',
        targetId: activity.id,
        detail: { format, rows: items.length },
      }),
    );
    return {
      filename: `${activity.title}-报名名单.${format}`,
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body,
    };
  }

  private async managed(auth: AuthContext, id: number): Promise<Activity> {
    const activity = await this.activities.findById(id);
    if (!activity) throw new AppError('ACTIVITY_NOT_FOUND');
    await this.access.assertManagesActivity(auth, activity);
    return activity;
  }
}

function companionsText(companions: Companion[]): string {
  return companions.map((c) => `${c.name}(${c.relation})`).join('、');
}

function answerText(answers: SignupAnswers, id: string): string {
  const a = answers[id];
  return a === undefined ? '' : Array.isArray(a) ? a.join('、') : a;
}

async function toXlsx(title: string, header: string[], lines: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ]
  const sheet = workbook.addWorksheet(title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || '报名名单');
  sheet.addRow(header).font = { bold: true };
  for (const line of lines) sheet.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
