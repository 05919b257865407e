import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import type { DeskSession } from './desk-session.entity.js';
import { DeskRepository } from './desk.repository.js';

/**
 * How long a desk session's state is trusted without reading its row again. A revoke clears this instance's copy
 * at once; other instances read the row again within this time, which is what bounds "signed out everywhere"
 * (1 s < the 2 s promised) without Redis. A desk sends a few requests a second at most, so this is one small
 * primary-key read per desk per second.
 */
const TTL_MS = 1000;
/** lastUsedAt is written at most this often per session. */
const TOUCH_EVERY_MS = 60_000;

/** Every request with a desk token: is its session still live? */
@Injectable()
export class DeskSessionCheck {
  private readonly cache = new LRUCache<number, { session: DeskSession | null }>({
    max: 10_000,
    ttl: TTL_MS,
    fetchMethod: async (id) => ({ session: await this.load(id) }),
  });

  constructor(
    private readonly desk: DeskRepository,
    private readonly clock: Clock,
  ) {}

  async check(sessionId: number, userId: number): Promise<void> {
    const { session } = (await this.cache.fetch(sessionId))!;
    if (!session || session.userId !== userId) throw new AppError('UNAUTHENTICATED');
    if (session.revokedAt) throw new AppError('SESSION_REVOKED');
    if (session.expiresAt <= this.clock.now()) throw new AppError('SESSION_EXPIRED');
  }

  /** The session was revoked: stop trusting this instance's copy now (a fetch in flight is aborted too). */
  forget(sessionId: number): void {
    this.cache.delete(sessionId);
  }

  private async load(id: number): Promise<DeskSession | null> {
    const session = await this.desk.findSession(id);
    const now = this.clock.now();
    if (session && !session.revokedAt && (!session.lastUsedAt || now.getTime() - session.lastUsedAt.getTime() >= TOUCH_EVERY_MS)) {
      await this.desk.touchSession(id, now);
      session.lastUsedAt = now;
    }
    return session;
  }
}
