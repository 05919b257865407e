import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { roleLabels } from '@linli/shared';
import { BootstrapService } from '../adoption/bootstrap.service.js';
import { AppModule } from '../app.module.js';
import { AuditVerifier } from '../audit/audit-verify.js';
import { ConfigError, loadConfig, type AppConfig } from '../config/config.js';
import { SchemaSetup } from '../database/schema-setup.js';

const USAGE = `用法 (usage):
  pnpm --filter @linli/server admin bootstrap --street <街道名称> [--force] [--qr-file <path.png>]
  pnpm --filter @linli/server admin audit-verify

bootstrap     creates the street if missing and prints a one-time invite for its first street admin.
              Refuses when the street already has an admin, unless --force.
audit-verify  checks every audit-log hash chain and reports the first broken link of each.
Configuration comes from the same environment as the server (DATABASE_URL, SQLITE_PATH, WECHAT_*, PUBLIC_URL).`;

export interface AdminIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs one admin command; resolves with the process exit code. Prints no secrets: the database URL and keys stay out. */
export async function runAdmin(argv: string[], env: NodeJS.ProcessEnv, io: AdminIo, overrides: Partial<AppConfig> = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { street: { type: 'string' }, force: { type: 'boolean', default: false }, 'qr-file': { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    io.err((error as Error).message);
    io.err(USAGE);
    return 2;
  }
  const [command] = args.positionals;
  if (args.values.help || (command !== 'bootstrap' && command !== 'audit-verify')) {
    io.err(USAGE);
    return args.values.help ? 0 : 2;
  }
  const street = args.values.street?.trim();
  if (command === 'bootstrap' && !street) {
    io.err('请用 --street 写明街道名称，例如 --street 和平街道');
    return 2;
  }
  let config: AppConfig;
  try {
    // The command creates only what it prints: never the demo street, and no background work.
    config = { ...loadConfig(env), seedDemo: false, sweepIntervalSeconds: 0, logLevel: 'warn', h5Dir: null, ...overrides };
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    await app.get(SchemaSetup).prepare();
    if (command === 'audit-verify') return await auditVerify(app.get(AuditVerifier), io);
    return await bootstrap(app.get(BootstrapService), street!, args.values.force, args.values['qr-file'], config.publicUrl, io);
  } finally {
    await app.close();
  }
}

async function bootstrap(service: BootstrapService, street: string, force: boolean, qrFile: string | undefined, baseUrl: string, io: AdminIo): Promise<number> {
  const outcome = await service.bootstrap(street, { force });
  if (outcome.kind === 'has_admin') {
    io.err(`「${street}」已经有 ${outcome.admins} 位街道管理员，没有生成新的邀请。请由现任管理员在小程序「人员」页面邀请；确需再生成一个，请加 --force。`);
    return 1;
  }
  const { invite, png } = outcome;
  // `scene` like a scanned mini-program code: it survives the login the page asks for first.
  const link = `${baseUrl}/#/${invite.page}?scene=${encodeURIComponent(invite.scene)}`;
  io.out(outcome.streetCreated ? `已创建街道：${street}` : `街道已存在：${street}`);
  io.out(`身份：${roleLabels[invite.role]}（${street}）`);
  io.out(`邀请码：${invite.code}`);
  io.out(`有效期至：${invite.expiresAt}`);
  io.out(`链接：${link}`);
  if (png) {
    const file = resolve(qrFile ?? `invite-${invite.code}.png`);
    writeFileSync(file, png);
    io.out(`小程序码：${file}`);
  } else {
    io.out('小程序码：未配置微信（WECHAT_APP_ID），请在小程序「接受邀请」页面输入邀请码');
  }
  io.out('这个邀请只能使用一次。请把邀请码当面或通过可信渠道交给第一位街道管理员。');
  return 0;
}

async function auditVerify(verifier: AuditVerifier, io: AdminIo): Promise<number> {
  const report = await verifier.verify();
  io.out(`chains: ${report.chains}, rows checked: ${report.rows}, rows from before the chain: ${report.unchained}`);
  if (report.breaks.length === 0) {
    io.out('OK: every chain is intact');
    return 0;
  }
  for (const b of report.breaks) {
    const where = b.id === null ? `after seq ${b.seq - 1} (rows missing from the end)` : `at row id ${b.id} (seq ${b.seq})`;
    io.out(`BROKEN chain ${b.chain} ${where}: ${b.reason}`);
  }
  return 1;
}
