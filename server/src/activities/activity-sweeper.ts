import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { formatMoment } from '@linli/shared';
import { Clock } from '../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Database } from '../database/database.js';
import { NotificationService } from '../notifications/notification.service.js';
import { SignupsRepository } from './signups.repository.js';
import { WaitlistService } from './waitlist.service.js';

/** Rows handled per kind per run; a backlog drains over the next runs. */
const BATCH = 200;

/**
 * Time-driven changes: expired offers pass to the next in line, ended activities' absentees become no-shows,
 * and reminders go out before the start. All state is in the database and every step is a conditional update,
 * so a restart, or several server instances sweeping at once, neither loses nor repeats anything.
 */
@Injectable()
export class ActivitySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ActivitySweeper');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: Database,
    private readonly signups: SignupsRepository,
    private readonly waitlist: WaitlistService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sweepIntervalSeconds === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return; // a slow run is not overlapped by the next tick
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.error(error))
        .finally(() => (this.running = null));
    }, this.config.sweepIntervalSeconds * 1000);
    this.timer.unref();
  }

  /** Stops before the database closes, letting a run in progress finish. */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  async runOnce(): Promise<{ offersExpired: number; noShows: number; reminders: number }> {
    const now = this.clock.now();
    let offersExpired = 0;
    for (const offer of await this.signups.expiredOffers(now, BATCH)) {
      if (await this.waitlist.expireOffer(offer.id)) offersExpired++;
    }
    const noShows = await this.signups.markNoShows(now);
    const reminders = await this.sendReminders(now);
    return { offersExpired, noShows, reminders };
  }

  private async sendReminders(now: Date): Promise<number> {
    let sent = 0;
    // Each activity's own lead time (reminderMinutes, REMINDER_HOURS by default) set its remindAt.
    for (const signup of await this.signups.dueReminders(now, BATCH)) {
      const done = await this.db.transaction(async () => {
        if (!(await this.signups.markReminded(signup.id, now))) return false;
        await this.notifications.notify(signup.userId, 'activity_reminder', {
          title: '活动快开始了',
          body: `您报名的「${signup.activity.title}」将于 ${formatMoment(signup.activity.startsAt)} 在${signup.activity.place}开始。`,
          activityId: signup.activityId,
        });
        return true;
      });
      if (done) sent++;
    }
    return sent;
  }
}
