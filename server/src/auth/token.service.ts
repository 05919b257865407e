import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError } from '../common/app-error.js';

interface TokenPayload {
  sub: number;
}

/** Linli's own session token: a signed JWT naming the user. WeChat's session_key never leaves the server. */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  private readonly ttlSeconds: number;

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

  verify(token: string): number {
    try {
      const payload = this.jwt.verify<TokenPayload>(token, { algorithms: ['HS256'] });
      if (!Number.isInteger(payload.sub)) throw new AppError('UNAUTHENTICATED');
      return payload.sub;
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') throw new AppError('SESSION_EXPIRED');
      throw new AppError('UNAUTHENTICATED');
    }
  }
}
