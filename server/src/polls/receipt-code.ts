import { createHash, createHmac, randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is hard to get wrong.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random bytes drawn a page at a time: one call to the system's generator per hundred ballots, not two per ballot.
let pool = Buffer.alloc(0);
let used = 0;
function random(n: number): Buffer {
  if (used + n > pool.length) {
    pool = randomBytes(4096);
    used = 0;
  }
  return pool.subarray(used, (used += n));
}

/** 80 random bits as 16 characters in groups of four: K7QM-3XTP-9BCD-WR2F. */
export function newReceiptCode(): string {
  return formatCode(random(10));
}

/**
 * The receipt code of an online ballot sent with an Idempotency-Key: HMAC-SHA256 keyed by the client's key over
 * the poll and the voter, cut to 80 bits. A retry with the same key derives the same code, so the receipt of the
 * ballot that counted can be given again while the server keeps nothing that ties voter and ballot together: the
 * ballot row holds only the code's hash (as for a random code), and the key lives only on the voter's phone.
 * Without the key nobody, the server's operators included, can derive the code; with it, only its holder can.
 */
export function derivedReceiptCode(idempotencyKey: string, pollId: number, userId: number): string {
  return formatCode(createHmac('sha256', idempotencyKey).update(`linli-receipt:${pollId}:${userId}`).digest().subarray(0, 10));
}

function formatCode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** What is stored instead of the code: the hash of its normalised form (case, dashes and spaces ignored). */
export function receiptHash(code: string): string {
  const normalised = code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return createHash('sha256').update(normalised).digest('hex');
}

/** A ballot's id: 128 random bits, so ids say nothing about the order ballots arrived in. */
export function newBallotId(): string {
  return random(16).toString('hex');
}
