import { request, type Agent } from 'node:http';

/** Minimal JSON calls the benchmarks use to arrange data through the real API (never the database). */
export async function api<T>(baseUrl: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const reply = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await reply.json()) as T;
  if (!reply.ok) throw new Error(`${method} ${path} → ${reply.status} ${JSON.stringify(json)}`);
  return json;
}

export async function loginPersona(baseUrl: string, persona: string): Promise<string> {
  return (await api<{ token: string }>(baseUrl, 'POST', '/auth/dev', { persona })).token;
}

/** Creates `count` distinct residents through dev login, a few at a time; returns their tokens and ids. */
export async function createResidents(baseUrl: string, count: number, prefix: string) {
  const out: { token: string; id: number }[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < count) {
        const i = next++;
        const reply = await api<{ token: string; me: { id: number } }>(baseUrl, 'POST', '/auth/dev', {
          openid: `${prefix}-${i}`,
          nickname: `居民${i}`,
        });
        out[i] = { token: reply.token, id: reply.me.id };
      }
    }),
  );
  return out;
}

/** A published activity open for sign-up now, in the demo's first community. */
export async function publishedActivity(baseUrl: string, committee: string, seats: number, waitlistEnabled: boolean) {
  const communities = await api<{ items: { id: number }[] }>(baseUrl, 'GET', '/communities');
  const hour = 3600_000;
  const now = Date.now();
  const created = await api<{ id: number }>(
    baseUrl,
    'POST',
    '/activities',
    {
      communityId: communities.items[0].id,
      title: '老年人智能手机课堂',
      category: 'lecture',
      place: '社区活动中心二楼',
      startsAt: new Date(now + 48 * hour).toISOString(),
      endsAt: new Date(now + 50 * hour).toISOString(),
      signupOpensAt: new Date(now - hour).toISOString(),
      signupClosesAt: new Date(now + 47 * hour).toISOString(),
      cancelDeadline: new Date(now + 24 * hour).toISOString(),
      seats,
      waitlistEnabled,
    },
    committee,
  );
  await api(baseUrl, 'POST', `/activities/${created.id}/publish`, undefined, committee);
  return created.id;
}

/** One request on a keep-alive socket, as a phone would reuse its connection; resolves with the status code. */
export function send(agent: Agent, url: URL, method: 'GET' | 'POST', token: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    const req = request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}
