/**
 * An answer serialised once and sent as is. Pages served from a cache to many readers at once (the 首页 feed)
 * would otherwise be turned into the same JSON text again for every request: at 200 readers at a time that was
 * a third of a feed request's CPU. It is kept as UTF-8 bytes, so a request neither encodes the text nor measures
 * it for Content-Length again. The reply serializer (create-app.ts) sends `bytes`; anything else that serialises
 * one (a test, a logger) gets the value through `toJSON`.
 */
export class JsonBody<T> {
  readonly bytes: Buffer;

  constructor(readonly value: T) {
    this.bytes = Buffer.from(JSON.stringify(value));
  }

  toJSON(): T {
    return this.value;
  }
}

/** Fastify's reply serializer: a cached JsonBody's bytes as they are, everything else as JSON.stringify would. */
export function serializeReply(payload: unknown): string | Buffer {
  return payload instanceof JsonBody ? payload.bytes : JSON.stringify(payload);
}
