import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { createPool } from 'mysql2/promise';
import { bareBallot } from './bare-ballot.js';
import { bareSignup } from './bare-signup.js';

/**
 * The HTTP floor of the sign-up rush and the vote surge: node:http and bare mysql2, no framework. It checks the
 * same HS256 token, parses the same body and runs the same transaction as the bench's in-process floor for every
 * request, then answers 201 or 409 with JSON. (A ballot's community comes from `?communityId=`: the floor keeps
 * no poll definitions.)
 * Run as its own process, like the real server, by bench/floor-process.ts: `node floor-server.js <port> <mysql url> <secret>`.
 */
const [port, mysqlUrl, secret] = process.argv.slice(2);
const pool = createPool({ uri: mysqlUrl, connectionLimit: 30, timezone: 'Z' });
const signupPath = /^\/api\/activities\/(\d+)\/signups$/;
const ballotPath = /^\/api\/polls\/(\d+)\/ballots\?communityId=(\d+)$/;

function userOf(header: string | undefined): number | null {
  const [head, payload, signature] = header?.startsWith('Bearer ') ? header.slice(7).split('.') : [];
  if (!signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub?: number; exp?: number };
  return Number.isInteger(claims.sub) && (claims.exp ?? Infinity) * 1000 > Date.now() ? claims.sub! : null;
}

const server = createServer((req, res) => {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };
  const signup = req.method === 'POST' ? signupPath.exec(req.url ?? '') : null;
  const ballot = req.method === 'POST' ? ballotPath.exec(req.url ?? '') : null;
  if (!signup && !ballot) return send(404, { code: 'ROUTE_NOT_FOUND' });
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      const userId = userOf(req.headers.authorization);
      if (userId === null) return send(401, { code: 'UNAUTHENTICATED' });
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { role?: string; answers?: { questionId: number; optionIds: number[] }[] };
      if (signup) {
        if (body.role !== 'participant') return send(400, { code: 'VALIDATION_FAILED' });
        if (await bareSignup(pool, Number(signup[1]), userId)) send(201, { status: 'confirmed' });
        else send(409, { code: 'SEATS_FULL', message: '名额已满，下次早点来报名吧' });
        return;
      }
      const answer = body.answers?.[0];
      if (!answer || answer.optionIds.length !== 1) return send(400, { code: 'VALIDATION_FAILED' });
      const cast = { pollId: Number(ballot![1]), communityId: Number(ballot![2]), questionId: answer.questionId, optionId: answer.optionIds[0], voterId: userId };
      if (await bareBallot(pool, cast)) send(201, { counted: true });
      else send(403, { code: 'NOT_ELIGIBLE' });
    })().catch(() => send(500, { code: 'INTERNAL' }));
  });
});
server.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
