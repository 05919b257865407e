/**
 * An answer serialised once and sent as is. Pages served from a cache to many readers at once (the 首页 feed)
 * would otherwise be turned into the same JSON text again for every request: at 200 readers at a time that was
 * a third of a feed request's CPU. The reply serializer (create-app.ts) sends `text`; anything else that
 * serialises one (a test, a logger) gets the value through `toJSON`.
 */
export class JsonBody<T> {
  readonly text: string;

  constructor(readonly value: T) {
    this.text = JSON.stringify(value);
  }

  toJSON(): T {
    return this.value;
  }
}

/** Fastify's reply serializer: cached JsonBody text as is, everything else as JSON.stringify would. */
export function serializeReply(payload: unknown): string {
  return payload instanceof JsonBody ? payload.text : JSON.stringify(payload);
}
