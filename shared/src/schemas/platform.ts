import { z } from 'zod';

/**
 * The code staff show at the door for residents to scan. `miniprogram`: a WeChat mini-program code (any WeChat
 * scan opens the check-in page with `scene`). `plain`: WeChat is not configured or could not make one, so the page
 * draws a plain QR of `plainText` that only the app's own scanner reads, and shows `notice` saying so.
 */
export const CheckinCodeSchema = z.object({
  kind: z.enum(['miniprogram', 'plain']),
  /** `<activityId>.<token>`, at most 32 characters: what the check-in page reads from its `scene` parameter. */
  scene: z.string().max(32),
  /** The page the code opens, without a leading slash. */
  page: z.string(),
  /** The mini-program code as a data: URL (kind 'miniprogram' only). */
  image: z.string().nullable(),
  /** Why this is a plain QR, in words staff understand (kind 'plain' only). */
  notice: z.string().nullable(),
});
export type CheckinCode = z.infer<typeof CheckinCodeSchema>;

export const BindPhoneRequestSchema = z
  .object({ code: z.string().min(1).max(128).describe('The code from <Button openType="getPhoneNumber">, once, within 5 minutes') })
  .strict();

/** A phone number as every response shows it: the middle four digits hidden (138****5678). */
export const MaskedPhoneSchema = z.object({ phone: z.string().nullable() });
export type MaskedPhone = z.infer<typeof MaskedPhoneSchema>;
