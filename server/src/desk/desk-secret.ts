import { createHash, randomBytes } from 'node:crypto';

/** 16 random bytes, base64url: 22 characters, so `d=<ticket>` fits a 32-character mini-program scene. */
export function newDeskSecret(): string {
  return randomBytes(16).toString('base64url');
}

/** Only hashes are stored: a copy of the table opens no desk. */
export function hashDeskSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The mini-program page that confirms; it reads `ticket`, or `scene` (`d=<ticket>`) from a scanned code. */
export const DESK_CONFIRM_PAGE = 'packages/staff/desk-confirm/index';

export function deskScene(ticket: string): string {
  return `d=${ticket}`;
}
