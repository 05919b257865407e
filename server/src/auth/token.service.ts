import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError } from '../common/app-error.js';

interface TokenPayload {
  sub: number;
  exp?: number;
  /** A desk session (desk_session.id): the token is good only while that session is neither revoked nor expired. */
  sid?: number;
}

/** Whose token it is, and for a desk's token which desk session it belongs to. */
export interface TokenHolder {
  userId: number;
  sessionId: number | null;
}

/** A token that passed verification: whose it is and when it expires (ms). */
interface Verified {
  userId: number;
  expiresAtMs: number;
}

/** Linli's own session token: a signed JWT naming the user. WeChat's session_key never leaves the server. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  private readonly ttlSeconds: number;
  /**
   * Tokens already verified, by their exact text (signature included, so only the very token that passed is let
   * through). A resident's app sends the same token with every request for days, and checking it (base64, JSON,
   * HMAC in jsonwebtoken) was a sixth of a cached read's CPU. Expiry is still checked on every use; whether the
   * account still exists is the grants cache's business, as before.
   */
  private readonly verified = new LRUCache<string, Verified>({ max: 50_000 });

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ttlSeconds = config.tokenTtlDays * 24 * 3600;
    // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it as a public
    // key on every sign and verify, which costs more than the HMAC itself.
    const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
    this.jwt = new JwtService({ secret: key as unknown as Buffer, signOptions: { algorithm: 'HS256' } });
  }

  issue(userId: number): { token: string; expiresAt: string } {
    const token = this.jwt.sign({ sub: userId } satisfies TokenPayload, { expiresIn: this.ttlSeconds });
    return { token, expiresAt: new Date(Date.now() + this.ttlSeconds * 1000).toISOString() };
  }

  /** A desk's token: names its desk session and lives as long as that session at most. */
  issueDesk(userId: number, sessionId: number, expiresAt: Date): { token: string; expiresAt: string } {
    const seconds = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    const token = this.jwt.sign({ sub: userId, sid: sessionId } satisfies TokenPayload, { expiresIn: seconds });
    return { token, expiresAt: expiresAt.toISOString() };
  }

  verify(token: string): number {
    return this.holder(token).userId;
  }

  /** Checks the token; the caller checks a desk session's state (see DeskSessionCheck). */
  holder(token: string): TokenHolder {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAtMs) return { userId: known.userId, sessionId: null };
      this.verified.delete(token);
      throw new AppError('SESSION_EXPIRED');
    }
    let payload: TokenPayload;
    try {
      payload = this.jwt.verify<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') throw new AppError('SESSION_EXPIRED');
      throw new AppError('UNAUTHENTICATED');
    }
    if (!Number.isInteger(payload.sub)) throw new AppError('UNAUTHENTICATED');
    if (payload.sid !== undefined) {
      if (!Number.isInteger(payload.sid)) throw new AppError('UNAUTHENTICATED');
      // A desk's token is never remembered here: a revoked one must not outlive its session in any cache but the
      // session check's own, which the revoke clears.
      return { userId: payload.sub, sessionId: payload.sid };
    }
    if (payload.exp !== undefined) this.verified.set(token, { userId: payload.sub, expiresAtMs: payload.exp * 1000 });
    return { userId: payload.sub, sessionId: null };
  }
}
