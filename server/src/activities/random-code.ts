import { randomBytes } from 'node:crypto';

/** 16 URL-safe random characters: a sign-up's QR code or an activity's check-in token (fits a 32-char scene). */
export function randomCode(): string {
  return randomBytes(12).toString('base64url');
}
