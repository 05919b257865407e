import { createHash, randomBytes } from 'node:crypto';

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
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of random(10)) {
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
