import { randomBytes } from 'node:crypto';

/** The endpoints the fake serves, named after the last segment of their path. */
export type FakeWechatEndpoint =
  | 'jscode2session'
  | 'stable_token'
  | 'getcallbackip'
  | 'subscribe_send'
  | 'msg_sec_check'
  | 'getwxacodeunlimit'
  | 'getuserphonenumber';

/** What msg_sec_check says about text containing a word. */
export interface FakeContentVerdict {
  suggest: 'review' | 'risky';
  /** 10001 ads, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar, 21000 other. */
  label: number;
}

/** A subscribe-message template: its field keys, e.g. ['thing1', 'time2'] (the prefix sets the rule). */
export interface FakeTemplate {
  fields: readonly string[];
}

/** A subscribe message the fake accepted, as the user would see it. */
export interface DeliveredMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
  miniprogramState: string;
}

export interface FakeWechatOptions {
  appId: string;
  secret: string;
  /** Lifetime of issued access tokens; WeChat's is 7200 s. */
  tokenTtlSeconds?: number;
  /**
   * The released pages (no leading '/'). When given, getwxacodeunlimit with check_path and
   * subscribe sends to other pages answer 41030; when absent, every page counts as released.
   */
  releasedPages?: readonly string[];
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
  | { kind: 'lose-answer' }
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
  readonly releasedPages: ReadonlySet<string> | null;
  /** openid -> when the user last opened the app (for msg_sec_check's 2-hour rule). */
  private users = new Map<string, { lastSeenAt: number }>();
  private templates = new Map<string, FakeTemplate>();
  /** `${openid} ${templateId}` -> accepted one-time subscriptions not yet used. */
  private subscriptions = new Map<string, number>();
  private delivered: DeliveredMessage[] = [];
  private contentVerdicts = new Map<string, FakeContentVerdict>();
  private phoneCodes = new Map<string, { phoneNumber: string; countryCode: string; used: boolean }>();

  constructor(options: FakeWechatOptions) {
    this.appId = options.appId;
    this.secret = options.secret;
    this.tokenTtlMs = (options.tokenTtlSeconds ?? 7200) * 1000;
    this.releasedPages = options.releasedPages ? new Set(options.releasedPages) : null;
  }

  reset(): void {
    this.codes.clear();
    this.tokens.clear();
    this.currentToken = null;
    this.scripts.clear();
    this.log.clear();
    this.users.clear();
    this.templates.clear();
    this.subscriptions.clear();
    this.delivered = [];
    this.contentVerdicts.clear();
    this.phoneCodes.clear();
  }

  // --- users (an openid exists once it logged in, or a test says so) ---

  /** The user opened the mini-program `minutesAgo` minutes ago (0: just now). */
  addUser(openid: string, minutesAgo = 0): void {
    this.users.set(openid, { lastSeenAt: Date.now() - minutesAgo * 60_000 });
  }

  userActivity(openid: string): 'unknown' | 'active' | 'inactive' {
    const user = this.users.get(openid);
    if (!user) return 'unknown';
    return Date.now() - user.lastSeenAt <= 2 * 60 * 60_000 ? 'active' : 'inactive';
  }

  isReleased(page: string): boolean {
    return this.releasedPages === null || this.releasedPages.has(page);
  }

  // --- subscribe messages ---

  addTemplate(templateId: string, template: FakeTemplate): void {
    this.templates.set(templateId, template);
  }

  template(templateId: string): FakeTemplate | undefined {
    return this.templates.get(templateId);
  }

  /** The user tapped "allow" on requestSubscribeMessage `times` times for this template. */
  acceptSubscription(openid: string, templateId: string, times: number): void {
    const key = `${openid} ${templateId}`;
    this.subscriptions.set(key, (this.subscriptions.get(key) ?? 0) + times);
  }

  subscriptionsLeft(openid: string, templateId: string): number {
    return this.subscriptions.get(`${openid} ${templateId}`) ?? 0;
  }

  /** Spends one acceptance; false when none is left (43101). */
  spendSubscription(openid: string, templateId: string): boolean {
    const key = `${openid} ${templateId}`;
    const left = this.subscriptions.get(key) ?? 0;
    if (left <= 0) return false;
    this.subscriptions.set(key, left - 1);
    return true;
  }

  deliver(message: DeliveredMessage): void {
    this.delivered.push(message);
  }

  deliveredMessages(): readonly DeliveredMessage[] {
    return [...this.delivered];
  }

  // --- content checks ---

  setContentVerdict(word: string, verdict: FakeContentVerdict): void {
    this.contentVerdicts.set(word, verdict);
  }

  /** Risky beats review; text with no listed word passes with label 100. */
  checkContent(content: string): { suggest: 'pass' | 'review' | 'risky'; label: number; keyword?: string } {
    let found: { suggest: 'review' | 'risky'; label: number; keyword: string } | undefined;
    for (const [word, verdict] of this.contentVerdicts) {
      if (!content.includes(word)) continue;
      if (!found || (found.suggest === 'review' && verdict.suggest === 'risky')) found = { ...verdict, keyword: word };
    }
    return found ?? { suggest: 'pass', label: 100 };
  }

  // --- phone numbers ---

  /** A code as `<Button openType="getPhoneNumber">` hands the mini-program; usable once. */
  issuePhoneCode(phoneNumber: string, countryCode = '86'): string {
    const code = `phone_${randomBytes(12).toString('hex')}`;
    this.phoneCodes.set(code, { phoneNumber, countryCode, used: false });
    return code;
  }

  redeemPhoneCode(code: string): { phoneNumber: string; countryCode: string } | 'unknown' | 'used' {
    const issued = this.phoneCodes.get(code);
    if (!issued) return 'unknown';
    if (issued.used) return 'used';
    issued.used = true;
    return issued;
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
    // Logging in is opening the app: the openid now exists and is active.
    this.addUser(issued.openid);
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
