import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { wechatError } from './fake-wechat-errors.js';
import { FakeBinaryAnswer, fakeRoutes } from './fake-wechat-routes.js';
import {
  FakeWechatState,
  type DeliveredMessage,
  type FakeContentVerdict,
  type FakeTemplate,
  type FakeWechatEndpoint,
  type FakeWechatOptions,
  type RecordedRequest,
} from './fake-wechat-state.js';

export type {
  DeliveredMessage,
  FakeContentVerdict,
  FakeTemplate,
  FakeWechatEndpoint,
  FakeWechatOptions,
  RecordedRequest,
} from './fake-wechat-state.js';
export { readFakeWxacode, type FakeWxacodeContent } from './fake-wechat-image.js';

/** A fake of WeChat's server APIs on loopback, programmable from tests. */
export interface FakeWechat {
  /** e.g. http://127.0.0.1:41234 — pass it as the client's baseUrl. */
  readonly baseUrl: string;
  /** A login code for this openid, usable once (then 40163); unknown codes answer 40029. */
  issueCode(openid: string, options?: { unionid?: string; sessionKey?: string }): string;
  /** The next `times` requests to the endpoint answer this errcode (after shape and credential checks). */
  failNext(endpoint: FakeWechatEndpoint, errcode: number, times?: number): void;
  /** The next `times` requests to the endpoint wait `ms` before being handled normally. */
  delayNext(endpoint: FakeWechatEndpoint, ms: number, times?: number): void;
  /** The next `times` requests get their connection closed without an answer (a network failure). */
  dropNext(endpoint: FakeWechatEndpoint, times?: number): void;
  /**
   * The next `times` requests are handled as usual (a message is delivered, a consent spent), then the
   * connection is closed before the answer goes out: the caller cannot know that it worked.
   */
  loseAnswerNext(endpoint: FakeWechatEndpoint, times?: number): void;
  /** Stops listening (and closes open connections): callers get their connection refused until `goOnline`. */
  goOffline(): Promise<void>;
  /** Listens again on the same port. */
  goOnline(): Promise<void>;
  /** The next `times` requests get this raw HTTP answer (e.g. a 502 page, or broken JSON). */
  replyRawNext(
    endpoint: FakeWechatEndpoint,
    reply: { status?: number; body: string; contentType?: string },
    times?: number,
  ): void;
  /** Every request the endpoint received, in order (scripted ones included). */
  requests(endpoint: FakeWechatEndpoint): readonly RecordedRequest[];
  /** The user opened the mini-program `minutesAgo` minutes ago (logging in with a code does this too). */
  addUser(openid: string, minutesAgo?: number): void;
  /** Declares a subscribe-message template and its field keys (e.g. ['thing1', 'time2']). */
  addTemplate(templateId: string, template: FakeTemplate): void;
  /** The user accepted this template `times` times (requestSubscribeMessage); each send spends one. */
  acceptSubscription(openid: string, templateId: string, times?: number): void;
  subscriptionsLeft(openid: string, templateId: string): number;
  /** Messages WeChat accepted for delivery, in order. */
  deliveredMessages(): readonly DeliveredMessage[];
  /** msg_sec_check answers this verdict for text containing `word` (risky beats review). */
  setContentVerdict(word: string, verdict: FakeContentVerdict): void;
  /** A getPhoneNumber code for this number (without country code), usable once. */
  issuePhoneCode(phoneNumber: string, countryCode?: string): string;
  /** The token stable_token currently hands out, if any. */
  currentAccessToken(): string | undefined;
  /** Revokes the current token: calls using it get 40001, and only force_refresh replaces it. */
  invalidateAccessToken(): void;
  /** Expires the current token: calls using it get 42001, and stable_token issues a new one. */
  expireAccessToken(): void;
  /** Forgets codes, tokens, scripts and the request log (for a fake shared by a test file). */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeWechat(options: FakeWechatOptions): Promise<FakeWechat> {
  const state = new FakeWechatState(options);
  // Aborted on close, so delayed answers do not keep the test process alive.
  const closing = new AbortController();
  const server = createServer((req, res) => {
    handle(req, res, state, closing.signal).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', String(error));
      else res.destroy();
    });
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const { port } = server.address() as AddressInfo;
  const stopListening = () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // fetch keeps connections alive; without this, close() waits for them to idle out.
    server.closeAllConnections();
    return closed;
  };

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    issueCode: (openid, codeOptions) => state.issueCode(openid, codeOptions),
    failNext: (endpoint, errcode, times = 1) => state.script(endpoint, { kind: 'errcode', errcode }, times),
    delayNext: (endpoint, ms, times = 1) => state.script(endpoint, { kind: 'delay', ms }, times),
    dropNext: (endpoint, times = 1) => state.script(endpoint, { kind: 'drop' }, times),
    loseAnswerNext: (endpoint, times = 1) => state.script(endpoint, { kind: 'lose-answer' }, times),
    goOffline: stopListening,
    goOnline: () => listen(port),
    replyRawNext: (endpoint, reply, times = 1) =>
      state.script(
        endpoint,
        { kind: 'raw', status: reply.status ?? 200, body: reply.body, contentType: reply.contentType ?? 'text/html' },
        times,
      ),
    requests: (endpoint) => state.requests(endpoint),
    addUser: (openid, minutesAgo) => state.addUser(openid, minutesAgo),
    addTemplate: (templateId, template) => state.addTemplate(templateId, template),
    acceptSubscription: (openid, templateId, times = 1) => state.acceptSubscription(openid, templateId, times),
    subscriptionsLeft: (openid, templateId) => state.subscriptionsLeft(openid, templateId),
    deliveredMessages: () => state.deliveredMessages(),
    setContentVerdict: (word, verdict) => state.setContentVerdict(word, verdict),
    issuePhoneCode: (phoneNumber, countryCode) => state.issuePhoneCode(phoneNumber, countryCode),
    currentAccessToken: () => state.currentAccessToken(),
    invalidateAccessToken: () => state.invalidateAccessToken(),
    expireAccessToken: () => state.expireAccessToken(),
    reset: () => state.reset(),
    close: async () => {
      closing.abort();
      if (server.listening) await stopListening();
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, state: FakeWechatState, closing: AbortSignal) {
  const url = new URL(req.url ?? '/', 'http://fake');
  const route = fakeRoutes.find((candidate) => candidate.path === url.pathname);
  if (!route) return send(res, 404, 'text/plain', 'not found');

  const query = Object.fromEntries(url.searchParams);
  const text = await readBody(req);
  const body = parseJson(text);
  state.record(route.endpoint, { method: req.method ?? '', query, body: text === '' ? null : (body ?? text) });

  let step = state.nextStep(route.endpoint);
  if (step?.kind === 'drop') return res.destroy();
  if (step?.kind === 'delay') {
    try {
      await sleep(step.ms, undefined, { signal: closing });
    } catch {
      return res.destroy();
    }
    step = undefined;
  }

  const reply = (answer: object) => send(res, 200, route.contentType, JSON.stringify(answer));
  if (req.method !== route.method) return reply(wechatError(route.method === 'GET' ? 43001 : 43002));
  if (route.method === 'POST' && !isJsonObject(body)) return reply(wechatError(47001));
  const request = { query, body: isJsonObject(body) ? body : {} };
  const rejection = route.check(request, state);
  if (rejection) return reply(rejection);

  if (step?.kind === 'errcode') return reply(wechatError(step.errcode));
  if (step?.kind === 'raw') return send(res, step.status, step.contentType, step.body);
  const answer = route.answer(request, state);
  if (step?.kind === 'lose-answer') return res.destroy();
  if (answer instanceof FakeBinaryAnswer) return send(res, 200, answer.contentType, answer.bytes);
  return reply(answer);
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': contentType }).end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
