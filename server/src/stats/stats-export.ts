import { activityCategoryLabels, type StatsOverview } from '@linli/shared';
import ExcelJS from 'exceljs';
import type { DownloadFile } from '../common/send-file.js';

type Sheet = { name: string; header: string[]; rows: (string | number)[][] };

/** The overview as a workbook: one sheet per chart, the same numbers the page's tables show. */
export async function overviewWorkbook(o: StatsOverview): Promise<DownloadFile> {
  const pct = (r: number | null) => (r === null ? '' : Math.round(r * 1000) / 10);
  const sheets: Sheet[] = [
    {
      name: '概况',
      header: ['项目', '数值'],
      rows: [
        ['统计开始日期', o.from],
        ['统计结束日期', o.to],
        ['待审核住户认证', o.pendingClaims.count],
        ['其中等待超过7天', o.pendingClaims.olderThanWeek],
        ['最久等待天数', o.pendingClaims.oldestDays ?? ''],
        ['举办活动数', o.waitlist.activitiesHeld],
        ['报满的活动数', o.waitlist.activitiesFull],
        ['候补未能参加的人次', o.waitlist.turnedAway],
        ['报名人次', o.signups.total],
        ['签到人次', o.signups.attended],
        ['未到场人次', o.signups.noShows],
        ['取消报名人次', o.signups.cancelled],
        ['到场率（%）', pct(o.signups.attendanceRate)],
        ['发布文章数', o.articles.published],
        ['文章阅读人次', o.articles.reads],
      ],
    },
    { name: '住户认证', header: ['月份', '新认证住户'], rows: o.residentsVerifiedByMonth.map((r) => [r.month, r.count]) },
    {
      name: '活动',
      header: ['月份', '类别', '活动数'],
      rows: o.activitiesByMonth.map((r) => [r.month, activityCategoryLabels[r.category], r.count]),
    },
    {
      name: '志愿服务时长',
      header: ['月份', '小时'],
      rows: o.volunteerMinutesByMonth.map((r) => [r.month, Math.round(r.minutes / 6) / 10]),
    },
    { name: '议事投票', header: ['标题', '截止时间', '状态', '投票人数'], rows: o.consultations.map((c) => [c.title, c.closesAt, c.status, c.ballots]) },
  ];
  if (o.communities.length > 0) {
    sheets.push({
      name: '社区对比',
      header: ['社区', '新认证住户', '待审核认证', '活动数', '报名人次', '签到人次', '未到场人次', '志愿服务小时'],
      rows: o.communities.map((c) => [
        c.name,
        c.residentsVerified,
        c.pendingClaims,
        c.activitiesHeld,
        c.signups,
        c.attended,
        c.noShows,
        Math.round(c.volunteerMinutes / 6) / 10,
      ]),
    });
  }
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow(s.header).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row);
  }
  return {
    filename: `统计_${o.from}_${o.to}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
