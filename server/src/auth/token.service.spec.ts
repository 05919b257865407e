import { jest } from '@jest/globals';
import type { AppConfig } from '../config/config.js';
import { TokenService } from './token.service.js';

const config = { tokenTtlDays: 1, jwtSecret: 'test-secret-test-secret-test-secret' } as AppConfig;

describe('TokenService', () => {
  afterEach(() => jest.useRealTimers());

  it('knows a token it verified before, and only that exact token', () => {
    const tokens = new TokenService(config);
    const { token } = tokens.issue(42);
    expect(tokens.verify(token)).toBe(42);
    expect(tokens.verify(token)).toBe(42);
    const [head, payload, signature] = token.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ sub: 7, exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    expect(() => tokens.verify(forged)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    const flipped = `${head}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(() => tokens.verify(flipped)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses a remembered token once it has expired', () => {
    jest.useFakeTimers({ now: new Date('2026-11-22T08:00:00Z') });
    const tokens = new TokenService(config);
    const { token } = tokens.issue(42);
    expect(tokens.verify(token)).toBe(42);
    jest.setSystemTime(new Date('2026-11-23T08:00:01Z'));
    expect(() => tokens.verify(token)).toThrow(expect.objectContaining({ code: 'SESSION_EXPIRED' }));
    expect(() => tokens.verify(token)).toThrow(expect.objectContaining({ code: 'SESSION_EXPIRED' }));
  });
});
