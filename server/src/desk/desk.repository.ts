import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { DeskLogin } from './desk-login.entity.js';
import { DeskSession } from './desk-session.entity.js';

/** Desk login tickets and desk sessions: the only code that touches either table. */
@Injectable()
export class DeskRepository {
  constructor(private readonly db: Database) {}

  async insertLogin(login: Omit<DeskLogin, 'id' | 'confirmedBy' | 'confirmedAt' | 'sessionId' | 'collectedAt'>): Promise<void> {
    await this.db.run((em) => em.insert(DeskLogin, { ...login, confirmedBy: null, confirmedAt: null, sessionId: null, collectedAt: null }));
  }

  findLogin(ticketHash: string): Promise<DeskLogin | null> {
    return this.db.run((em) => em.findOneBy(DeskLogin, { ticketHash }));
  }

  /** Marks the ticket confirmed by this user if it is still open: true for exactly one of any number of racing confirms. */
  async confirmLogin(id: number, userId: number, now: Date): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(DeskLogin)
        .set({ confirmedBy: userId, confirmedAt: now })
        .where('id = :id AND confirmedAt IS NULL AND expiresAt > :now', { id, now })
        .execute();
      return (result.affected ?? 0) === 1;
    });
  }

  async attachSession(loginId: number, sessionId: number): Promise<void> {
    await this.db.run((em) => em.update(DeskLogin, { id: loginId }, { sessionId }));
  }

  /** Hands the confirmed ticket's session over: true for exactly one of any number of racing polls. */
  async collectLogin(id: number, now: Date): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(DeskLogin)
        .set({ collectedAt: now })
        .where('id = :id AND sessionId IS NOT NULL AND collectedAt IS NULL', { id })
        .execute();
      return (result.affected ?? 0) === 1;
    });
  }

  async insertSession(session: Omit<DeskSession, 'id' | 'lastUsedAt' | 'revokedAt'>): Promise<number> {
    return this.db.run(async (em) => (await em.insert(DeskSession, { ...session, lastUsedAt: null, revokedAt: null })).identifiers[0].id as number);
  }

  findSession(id: number): Promise<DeskSession | null> {
    return this.db.run((em) => em.findOneBy(DeskSession, { id }));
  }

  /** The user's desk sessions still usable at `now`, newest first. */
  liveSessions(userId: number, now: Date): Promise<DeskSession[]> {
    return this.db.run((em) =>
      em
        .createQueryBuilder(DeskSession, 's')
        .where('s.userId = :userId AND s.expiresAt > :now AND s.revokedAt IS NULL', { userId, now })
        .orderBy('s.id', 'DESC')
        .getMany(),
    );
  }

  /** Revokes one of the user's live sessions: false when there is none such (someone else's, or gone already). */
  async revokeSession(id: number, userId: number, now: Date): Promise<boolean> {
    return this.db.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(DeskSession)
        .set({ revokedAt: now })
        .where('id = :id AND userId = :userId AND revokedAt IS NULL AND expiresAt > :now', { id, userId, now })
        .execute();
      return (result.affected ?? 0) === 1;
    });
  }

  async touchSession(id: number, now: Date): Promise<void> {
    await this.db.run((em) => em.update(DeskSession, { id }, { lastUsedAt: now }));
  }
}
