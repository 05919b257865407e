import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { WECHAT_CLIENT } from '../wechat/wechat-client.provider.js';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { WechatApiError, WechatErrcode, type WechatClient } from '../wechat/index.js';
import { WechatSendsRepository } from './wechat-sends.repository.js';

/** After start, before pending sends of a previous run are picked up. */
const RECOVERY_DELAY_MS = 5_000;
/**
 * A send still `sending` this long after it was taken was abandoned by a server that stopped: far longer than one
 * attempt can take (WECHAT_TIMEOUT_MS, a few seconds), so another instance's send in flight is never touched.
 */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/** Errcodes a retry cannot fix: no consent left, a field WeChat refuses, a bad openid, page or template. */
export const PERMANENT_ERRCODES: ReadonlySet<number> = new Set([
  WechatErrcode.SUBSCRIBE_REFUSED,
  WechatErrcode.TEMPLATE_DATA_INVALID,
  WechatErrcode.OPENID_INVALID,
  WechatErrcode.PAGE_INVALID,
  WechatErrcode.TEMPLATE_ID_INVALID,
]);

/**
 * What a failed attempt leaves. WeChat's send takes no idempotency key, so a send is tried again only when it
 * provably did not go out: no connection was made, WeChat answered with an errcode (busy -1 and the like; those
 * in PERMANENT_ERRCODES fail for good), or it failed while getting the access token. When the request may have
 * reached WeChat without an answer (the connection dropped, it timed out, the answer was unreadable) the send
 * is uncertain: sending it again could remind the resident twice.
 */
export function afterFailure(error: unknown): 'retry' | 'failed' | 'uncertain' {
  if (!(error instanceof WechatApiError)) return 'uncertain';
  if (error.api !== 'subscribe_send') return 'retry';
  if (error.failure === 'errcode') return PERMANENT_ERRCODES.has(error.errcode!) ? 'failed' : 'retry';
  if (error.failure === 'network') return 'retry';
  return error.failure === 'invalid_request' ? 'failed' : 'uncertain';
}

/** The BullMQ queue's name in Redis. */
export const WECHAT_SEND_QUEUE = 'linli-wechat-send';

/**
 * Delivers WeChat subscribe messages in the background. Each send is a row (written with its notice), so a
 * restart picks up what was pending. A failed attempt is retried after a growing delay when it provably did not
 * go out and a retry can help (see afterFailure); the last failure, or the uncertainty, stays on the row for staff.
 *
 * Jobs wait in this process's timers by default; with REDIS_URL they wait in a BullMQ queue that every server
 * instance works on (a send is claimed in the database before it goes out, so no message goes twice).
 */
@Injectable()
export class WechatSendQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WechatSendQueue');
  /** Delay before the 2nd, 3rd, … attempt; its length + 1 is the number of attempts. Tests shorten it. */
  retryDelaysMs: number[] = [5_000, 30_000, 120_000];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  private recovery: NodeJS.Timeout | null = null;
  /** Sends this process has queued and not yet finished (recovery leaves them to their own timers). */
  private readonly queued = new Set<number>();

  private bull: { queue: Queue; worker: Worker } | null = null;

  constructor(
    private readonly sends: WechatSendsRepository,
    private readonly clock: Clock,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether jobs wait in Redis (BullMQ) rather than in this process. */
  get usesRedis(): boolean {
    return this.bull !== null;
  }

  /** Sends left pending by a previous run go out shortly after start (once the schema is ready). */
  onApplicationBootstrap(): void {
    if (!this.wechat) return;
    if (this.config.redisUrl) {
      const connection = { url: this.config.redisUrl, maxRetriesPerRequest: null };
      const queue = new Queue(WECHAT_SEND_QUEUE, { connection });
      const worker = new Worker<{ id: number }>(WECHAT_SEND_QUEUE, (job) => this.run(job.data.id), { connection, concurrency: 4 });
      worker.on('error', (error) => this.logger.error(`BullMQ worker: ${String(error)}`));
      queue.on('error', (error) => this.logger.error(`BullMQ queue: ${String(error)}`));
      this.bull = { queue, worker };
    }
    this.recovery = setTimeout(() => {
      this.recovery = null;
      void this.recover();
    }, RECOVERY_DELAY_MS);
    this.recovery.unref();
  }

  /**
   * What a previous run left: sends it had taken and never finished become uncertain (it stopped half-way, so
   * whether WeChat got them is unknown), and pending ones go out.
   */
  async recover(): Promise<void> {
    const now = this.clock.now();
    try {
      const interrupted = await this.sends.abandonSending(new Date(now.getTime() - ABANDONED_AFTER_MS), now);
      if (interrupted > 0) this.logger.warn(`${interrupted} wechat sends were interrupted by a stop while sending: marked uncertain`);
      const ids = await this.sends.pendingIds(1000);
      ids.filter((id) => !this.queued.has(id)).forEach((id) => this.enqueue(id));
    } catch (error) {
      this.logger.error(`picking up wechat sends of a previous run: ${String(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.recovery) clearTimeout(this.recovery);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
    if (this.bull) {
      await this.bull.worker.close();
      await this.bull.queue.close();
    }
  }

  enqueue(id: number, delayMs = 0): void {
    if (this.stopped) return;
    this.queued.add(id);
    if (this.bull) {
      this.bull.queue
        .add('send', { id }, { delay: delayMs, removeOnComplete: true, removeOnFail: 1000 })
        .catch((error: unknown) => this.logger.error(`queueing wechat send ${id} (it stays pending until a restart): ${String(error)}`));
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.run(id);
    }, delayMs);
    this.timers.add(timer);
  }

  /** One attempt, tracked so shutdown and `idle` can wait for it; never rejects. */
  private run(id: number): Promise<void> {
    const job = this.attempt(id).catch((error: unknown) => this.logger.error(`wechat send ${id}: ${String(error)}`));
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
    return job;
  }

  /** Resolves once nothing is waiting or running (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      await Promise.allSettled([...this.running]);
      if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private async attempt(id: number): Promise<void> {
    const send = await this.sends.claim(id, this.clock.now());
    if (!send) return void this.queued.delete(id);
    if (!this.wechat) {
      this.queued.delete(id);
      await this.sends.finish(id, { status: 'failed', errcode: null, error: 'not_configured: WeChat is not configured' }, this.clock.now());
      return;
    }
    const message = { touser: send.openid, templateId: send.templateId, page: send.page, data: JSON.parse(send.data) as Record<string, string> };
    try {
      await this.wechat.sendSubscribeMessage(message);
      await this.sends.finish(id, { status: 'sent', errcode: null, error: null }, this.clock.now());
      this.queued.delete(id);
    } catch (error) {
      const errcode = error instanceof WechatApiError ? error.errcode : null;
      const description = error instanceof WechatApiError ? `${error.failure}: ${error.errmsg}` : `error: ${String(error)}`;
      const attemptsMade = send.attempts + 1;
      const outcome = afterFailure(error);
      const retry = outcome === 'retry' && attemptsMade <= this.retryDelaysMs.length && !this.stopped;
      const status = retry ? 'pending' : outcome === 'uncertain' ? 'uncertain' : 'failed';
      await this.sends.finish(id, { status, errcode, error: description }, this.clock.now());
      if (retry) return this.enqueue(id, this.retryDelaysMs[attemptsMade - 1]);
      this.queued.delete(id);
      this.logger.warn(
        status === 'uncertain'
          ? `wechat send ${id} may have been delivered (no answer), not sent again: ${description}`
          : `wechat send ${id} failed after ${attemptsMade} attempt(s): ${description}`,
      );
    }
  }
}
