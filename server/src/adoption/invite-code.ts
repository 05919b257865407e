import { randomInt } from 'node:crypto';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '@linli/shared';

/** A fresh code: 32^6 ≈ 10^9 values, drawn from a cryptographic source; the unique key catches the rare repeat. */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
  return code;
}

/** The mini-program page that accepts invites; it reads `code`, or `scene` (`i=<code>`) from a scanned code. */
export const INVITE_PAGE = 'packages/staff/invite/index';

export function inviteScene(code: string): string {
  return `i=${code}`;
}
