import { randomBytes } from 'node:crypto';

/** The endpoints the fake serves, named after the last segment of their path. */
export type FakeWechatEndpoint = 'jscode2session' | 'stable_token' | 'getcallbackip';

export interface FakeWechatOptions {
  appId: string;
  secret: string;
  /** Lifetime of issued access tokens; WeChat's is 7200 s. */
  tokenTtlSeconds?: number;
}

export interface RecordedRequest {
  method: string;
  query: Record<string, string>;
  /** Parsed JSON body, the raw text if it was not JSON, or null when empty. */
  body: unknown;
}

/** What the next request to an endpoint does instead of (or before) its normal answer. */
export type ScriptedStep =
  | { kind: 'errcode'; errcode: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  | { kind: 'raw'; status: number; body: string; contentType: string };

interface IssuedCode {
  openid: string;
  unionid?: string;
  sessionKey: string;
  used: boolean;
}

interface IssuedToken {
  expiresAt: number;
  revoked: boolean;
}

export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'expired';

/** Everything the fake remembers; tests program it through FakeWechat. */
export class FakeWechatState {
  readonly appId: string;
  readonly secret: string;
  private readonly tokenTtlMs: number;
  private codes = new Map<string, IssuedCode>();
  private tokens = new Map<string, IssuedToken>();
  private currentToken: string | null = null;
  private scripts = new Map<FakeWechatEndpoint, ScriptedStep[]>();
  private log = new Map<FakeWechatEndpoint, RecordedRequest[]>();

  constructor(options: FakeWechatOptions) {
    this.appId = options.appId;
    this.secret = options.secret;
    this.tokenTtlMs = (options.tokenTtlSeconds ?? 7200) * 1000;
  }

  reset(): void {
    this.codes.clear();
    this.tokens.clear();
    this.currentToken = null;
    this.scripts.clear();
    this.log.clear();
  }

  // --- login codes (what wx.login hands the mini-program) ---

  issueCode(openid: string, options: { unionid?: string; sessionKey?: string } = {}): string {
    const code = `code_${randomBytes(12).toString('hex')}`;
    const sessionKey = options.sessionKey ?? randomBytes(16).toString('base64');
    this.codes.set(code, { openid, unionid: options.unionid, sessionKey, used: false });
    return code;
  }

  /** Uses a code up, as WeChat does on the first exchange. */
  redeemCode(code: string): IssuedCode | 'unknown' | 'used' {
    const issued = this.codes.get(code);
    if (!issued) return 'unknown';
    if (issued.used) return 'used';
    issued.used = true;
    return issued;
  }

  // --- access tokens ---

  /** stable_token: the current token while it lives (even if revoked: only force_refresh replaces it). */
  stableToken(forceRefresh: boolean): { token: string; expiresInSeconds: number } {
    const now = Date.now();
    const current = this.currentToken ? this.tokens.get(this.currentToken) : undefined;
    if (this.currentToken && current && now < current.expiresAt && !forceRefresh) {
      return { token: this.currentToken, expiresInSeconds: Math.ceil((current.expiresAt - now) / 1000) };
    }
    // A forced refresh makes the previous token unusable, so a client that keeps it gets 40001.
    if (current) current.revoked = true;
    const token = `token_${randomBytes(16).toString('hex')}`;
    this.tokens.set(token, { expiresAt: now + this.tokenTtlMs, revoked: false });
    this.currentToken = token;
    return { token, expiresInSeconds: Math.round(this.tokenTtlMs / 1000) };
  }

  currentAccessToken(): string | undefined {
    return this.currentToken ?? undefined;
  }

  invalidateAccessToken(): void {
    const current = this.currentToken && this.tokens.get(this.currentToken);
    if (current) current.revoked = true;
  }

  expireAccessToken(): void {
    const current = this.currentToken && this.tokens.get(this.currentToken);
    if (current) current.expiresAt = Date.now() - 1;
  }

  checkAccessToken(token: string | undefined): TokenCheck {
    if (!token) return 'missing';
    const issued = this.tokens.get(token);
    if (!issued || issued.revoked) return 'invalid';
    return Date.now() < issued.expiresAt ? 'ok' : 'expired';
  }

  // --- scripted behaviour and the request log ---

  script(endpoint: FakeWechatEndpoint, step: ScriptedStep, times: number): void {
    const queue = this.scripts.get(endpoint) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(step);
    this.scripts.set(endpoint, queue);
  }

  nextStep(endpoint: FakeWechatEndpoint): ScriptedStep | undefined {
    return this.scripts.get(endpoint)?.shift();
  }

  record(endpoint: FakeWechatEndpoint, request: RecordedRequest): void {
    const requests = this.log.get(endpoint) ?? [];
    requests.push(request);
    this.log.set(endpoint, requests);
  }

  requests(endpoint: FakeWechatEndpoint): readonly RecordedRequest[] {
    return [...(this.log.get(endpoint) ?? [])];
  }
}
