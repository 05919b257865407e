import { Inject, Injectable } from '@nestjs/common';
import type {
  FailedWechatSend,
  InboxKind,
  Page,
  RecordSubscriptions,
  SubscribeTemplateKey,
  SubscribeTemplates,
  SubscriptionBalance,
} from '@linli/shared';
import { pageLink, SubscribeTemplateKeySchema } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { WECHAT_CLIENT } from '../wechat/wechat-client.provider.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Database, isUniqueViolation } from '../database/database.js';
import { WechatErrcode, type WechatClient } from '../wechat/index.js';
import { messageParts, templateData, templateKeyOfKind, type NoticeText } from './subscribe-templates.js';
import { WechatSendQueue } from './wechat-send-queue.js';
import { WechatSendsRepository } from './wechat-sends.repository.js';

export interface MessageContent extends NoticeText {
  activityId: number | null;
  pollId?: number | null;
  /** The page the message opens, when it is about neither an activity nor a consultation. */
  page?: string;
}

/** Why a send failed, for staff, in plain Chinese. */
const reasonByErrcode: Record<number, string> = {
  [WechatErrcode.SUBSCRIBE_REFUSED]: '居民没有订阅这类提醒，或订阅次数已用完',
  [WechatErrcode.TEMPLATE_DATA_INVALID]: '消息内容不符合模板的字数或格式要求',
  [WechatErrcode.OPENID_INVALID]: '居民的微信身份无效（例如体验账号）',
  [WechatErrcode.PAGE_INVALID]: '消息要打开的页面还没有发布',
  [WechatErrcode.TEMPLATE_ID_INVALID]: '消息模板编号无效，请检查服务器配置',
  [WechatErrcode.BUSY]: '微信服务繁忙，重试几次后仍未发出',
};

/**
 * WeChat subscribe messages: which templates the miniapp may ask for, the consents it records, and the
 * message copy of a notice, sent when the user has an acceptance left.
 */
@Injectable()
export class WechatMessages {
  constructor(
    private readonly db: Database,
    private readonly sends: WechatSendsRepository,
    private readonly queue: WechatSendQueue,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient | null,
  ) {}

  /** A template id for `key`, or null when WeChat or that template is not set up. */
  private templateId(key: SubscribeTemplateKey): string | null {
    if (!this.wechat) return null;
    return this.config.subscribeTemplates[key] ?? null;
  }

  templates(): SubscribeTemplates {
    const templates = SubscribeTemplateKeySchema.options.flatMap((key) => {
      const templateId = this.templateId(key);
      return templateId ? [{ key, templateId }] : [];
    });
    return { enabled: templates.length > 0, templates };
  }

  async record(auth: AuthContext, input: RecordSubscriptions): Promise<SubscriptionBalance> {
    const accepted = [...new Set(input.results.filter((r) => r.result === 'accept').map((r) => r.key))];
    if (accepted.some((key) => !this.templateId(key))) throw new AppError('SUBSCRIBE_NOT_CONFIGURED');
    if (accepted.length > 0) {
      const add = () => this.db.transaction(() => this.sends.addAccepts(auth.userId, accepted, this.clock.now()));
      try {
        await add();
      } catch (error) {
        // Two first accepts at once: the other one inserted the row; add to it.
        if (!isUniqueViolation(error)) throw error;
        await add();
      }
    }
    const rows = await this.sends.balance(auth.userId);
    return { remaining: rows.map((r) => ({ key: r.templateKey, count: r.remaining })) };
  }

  /**
   * The WeChat copy of a notice to `userIds`, in the caller's transaction: spends one acceptance of the kind's
   * template per user who has one, and queues their messages to go out once the transaction commits.
   */
  async queueFor(userIds: number[], kind: InboxKind, content: MessageContent): Promise<void> {
    const key = templateKeyOfKind[kind];
    const templateId = key ? this.templateId(key) : null;
    if (!key || !templateId || userIds.length === 0) return;
    const now = this.clock.now();
    const recipients = await this.sends.spend(userIds, key, now);
    if (recipients.length === 0) return;
    const activityId = content.activityId;
    const pollId = content.pollId ?? null;
    const subject = await this.sends.subjectOf(activityId, pollId);
    const communityId = subject?.communityId ?? null;
    const parts = messageParts(kind, content, subject, now);
    const data = JSON.stringify(templateData(parts, this.config.subscribeTemplateFields[key]));
    const page = content.page ?? (activityId !== null ? pageLink('activityDetail', { id: activityId }) : pollId !== null ? pageLink('poll', { id: pollId }) : pageLink('mine'));
    const ids = await this.sends.insertSends(
      recipients.map((userId) => ({ userId, templateKey: key, templateId, page, data, activityId, pollId, communityId })),
      now,
    );
    this.db.afterCommit(() => {
      for (const id of ids) this.queue.enqueue(id);
    });
  }

  /** The keyword that carries a template's subject (the activity or consultation), for staff's list. */
  private subjectKeyword(key: SubscribeTemplateKey): string {
    return this.config.subscribeTemplateFields[key].find((f) => f.part === 'subject')?.keyword ?? '';
  }

  async failed(auth: AuthContext, page: number, pageSize: number): Promise<Page<FailedWechatSend>> {
    const communities = [...(await this.access.residentAdminCommunities(auth))];
    const [rows, total] = await this.sends.failedPage(communities, page, pageSize);
    return {
      items: rows.map((s) => ({
        id: s.id,
        status: s.status === 'uncertain' ? ('uncertain' as const) : ('failed' as const),
        key: s.templateKey,
        userId: s.userId,
        nickname: s.nickname,
        activityId: s.activityId,
        pollId: s.pollId,
        subject: (JSON.parse(s.data) as Record<string, string>)[this.subjectKeyword(s.templateKey)] ?? '',
        attempts: s.attempts,
        errcode: s.errcode,
        reason: s.status === 'uncertain' ? uncertainReason(s.error) : reasonFor(s.errcode, s.error),
        createdAt: s.createdAt.toISOString(),
        updatedAt: s.updatedAt.toISOString(),
      })),
      total,
      page,
      pageSize,
    };
  }
}

/** A send that may have gone out: said first, then why it is not known, and why it was not sent again. */
function uncertainReason(error: string | null): string {
  const why = error?.startsWith('timeout')
    ? '微信没有及时回答'
    : error?.startsWith('interrupted')
      ? '发送时服务器停了，没收到微信的回答'
      : '发出后连接断了，没收到微信的回答';
  return `可能已发送，未确认：${why}。为免居民收到两次，没有再发`;
}

function reasonFor(errcode: number | null, error: string | null): string {
  if (errcode !== null) return reasonByErrcode[errcode] ?? `微信拒绝发送（错误码 ${errcode}）`;
  if (error?.startsWith('timeout')) return '连接微信超时，重试几次后仍未发出';
  if (error?.startsWith('not_configured')) return '服务器的微信配置已取消，消息未发出';
  return '连不上微信服务，重试几次后仍未发出';
}
