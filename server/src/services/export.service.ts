import { Injectable } from '@nestjs/common';
import { serviceBandLabels, serviceFormLabels, serviceUnitLabels } from '@linli/shared';
import ExcelJS from 'exceljs';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import type { DownloadFile } from '../common/send-file.js';
import { ContractsService } from './contracts.service.js';
import { chinaDay } from './days.js';
import { ItemsRepository } from './items.repository.js';
import { LogsRepository } from './logs.repository.js';
import { ProgressRepository } from './progress.repository.js';
import { ProgressService } from './progress.service.js';
import { ServiceAccess } from './service-access.js';
import { inUnit, maskName, tiersOf } from './services.mapper.js';

type Sheet = { name: string; header: string[]; rows: (string | number)[][] };

const pct = (r: number | null) => (r === null ? '' : Math.round(r * 1000) / 10);

/** The evaluator's workbook: the items with their progress, every log, and the register counts; names masked (张*). */
@Injectable()
export class ExportService {
  constructor(
    private readonly contracts: ContractsService,
    private readonly items: ItemsRepository,
    private readonly logs: LogsRepository,
    private readonly progress: ProgressService,
    private readonly progressRepo: ProgressRepository,
    private readonly serviceAccess: ServiceAccess,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async workbook(auth: AuthContext, contractId: number): Promise<DownloadFile> {
    const scope = await this.serviceAccess.scope(auth);
    const contract = await this.contracts.readable(scope, contractId);
    const today = chinaDay(this.clock.now());
    const items = await this.items.byContract(contractId);
    const [summaries, logs, tierCounts] = await Promise.all([
      this.progress.summaries(contract, items, today),
      this.logs.forExport(items.map((i) => i.id)),
      Promise.all(items.map((i) => this.progressRepo.tiers(i.id, today))),
    ]);
    const register = await this.progressRepo.registerCounts(items.map((i) => i.id), today);
    const itemName = new Map(items.map((i) => [i.id, i.name]));
    const unitOf = new Map(items.map((i) => [i.id, i.unit]));
    const sheets: Sheet[] = [
      {
        name: '服务项目',
        header: ['服务项目', '单位', '目标数量', '已完成', '完成率（%）', '服务期已过（%）', '按进度应完成', '进度得分', '进度评价', '名册人数', '逾期未探访人数'],
        rows: summaries.map((s) => [
          s.name,
          serviceUnitLabels[s.unit],
          s.targetQuantity,
          s.done,
          pct(s.doneRatio),
          pct(s.elapsedShare),
          s.expectedByNow,
          s.paceBand,
          serviceBandLabels[s.paceBand],
          register.get(s.itemId)?.[0] ?? 0,
          register.get(s.itemId)?.[1] ?? 0,
        ]),
      },
      {
        name: '服务记录',
        header: ['日期', '服务项目', '服务对象', '服务形式', '时长（分钟）', '服务人数', '计入数量', '服务人员', '作废'],
        rows: logs.map((l) => [
          l.servedOn,
          itemName.get(l.itemId) ?? '',
          l.beneficiaryName === null ? '' : maskName(l.beneficiaryName),
          serviceFormLabels[l.form],
          l.minutes,
          l.peopleServed,
          inUnit(unitOf.get(l.itemId)!, l.quantity),
          l.workerName,
          l.voidsId !== null ? '作废记录' : l.voided ? '已作废' : '',
        ]),
      },
      {
        name: '名册统计',
        header: ['服务项目', '分级', '探访周期（天）', '人数', '逾期人数'],
        rows: items.flatMap((item, i) => {
          const rules = new Map(tiersOf(item).map((t) => [t.tier, t.everyDays]));
          return tierCounts[i].map((t) => [item.name, t.tier ?? '未分级', t.tier === null ? '' : (rules.get(t.tier) ?? ''), t.beneficiaries, t.overdue]);
        }),
      },
    ];
    const workbook = new ExcelJS.Workbook();
    for (const s of sheets) {
      const sheet = workbook.addWorksheet(s.name);
      sheet.addRow(s.header).font = { bold: true };
      for (const row of s.rows) sheet.addRow(row);
    }
    await this.audit.append({
      actorId: auth.userId,
      action: 'service_contract.export',
      communityId: contract.communityId,
      streetId: contract.streetId,
      targetType: 'service_contract',
      targetId: contract.id,
      detail: { logs: logs.length },
    });
    return {
      filename: `服务进度_${contract.title}_${today}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }
}
