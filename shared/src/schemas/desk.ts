import { z } from 'zod';
import { DateTimeSchema, IdSchema } from './common.js';
import { AuthResponseSchema } from './identity.js';

/** A desk login ticket: 16 random bytes in base64url (22 characters), so `d=<ticket>` fits WeChat's 32-character scene. */
export const DESK_TICKET_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const DeskTicketSchema = z.string().regex(DESK_TICKET_PATTERN, '二维码内容不对，请重新扫码');
export const DeskTicketParamsSchema = z.object({ ticket: DeskTicketSchema });
/** The secret only the desk that asked holds (never in the QR): without it nobody can collect the session. */
export const DeskPollQuerySchema = z.object({ key: DeskTicketSchema.optional() });

export const DeskLoginTicketSchema = z.object({
  ticket: DeskTicketSchema,
  /** Sent back when polling: whoever only saw the QR cannot take the session. */
  key: DeskTicketSchema,
  expiresAt: DateTimeSchema,
  /** What the desk shows as a QR: the confirm page, on this server's H5 or (with `scene`) in the mini-program. */
  link: z.string(),
  page: z.string(),
  scene: z.string().max(32),
  /** The mini-program code (data URL) when WeChat is configured; null: draw `link` as a plain QR. */
  image: z.string().nullable(),
  /** "Chrome · Windows": from the desk's User-Agent, shown to the person confirming, trusted for nothing. */
  label: z.string(),
});
export type DeskLoginTicket = z.infer<typeof DeskLoginTicketSchema>;

export const DeskLoginStatusSchema = z.enum(['pending', 'confirmed', 'expired', 'used']);
export type DeskLoginStatus = z.infer<typeof DeskLoginStatusSchema>;

export const DeskLoginStateSchema = z.object({
  status: DeskLoginStatusSchema,
  label: z.string(),
  createdAt: DateTimeSchema,
  expiresAt: DateTimeSchema,
  /** Once, to the desk holding the key, right after the confirm: the desk's own session. */
  session: AuthResponseSchema.nullable(),
});
export type DeskLoginState = z.infer<typeof DeskLoginStateSchema>;

export const DeskSessionSchema = z.object({
  id: IdSchema,
  label: z.string(),
  createdAt: DateTimeSchema,
  lastUsedAt: DateTimeSchema.nullable(),
  expiresAt: DateTimeSchema,
  /** The session the request came with. */
  current: z.boolean(),
});
export type DeskSession = z.infer<typeof DeskSessionSchema>;
export const DeskSessionListSchema = z.object({ items: z.array(DeskSessionSchema) });
export type DeskSessionList = z.infer<typeof DeskSessionListSchema>;
