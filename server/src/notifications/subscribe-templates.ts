import type { InboxKind, SubscribeTemplateKey } from '@linli/shared';
import type { MessagePart, TemplateFields } from '../config/config.js';

/** Which template carries each kind of notice; kinds not listed stay in the inbox only. */
export const templateKeyOfKind: Partial<Record<InboxKind, SubscribeTemplateKey>> = {
  signup_confirmed: 'signup_result',
  signup_waitlisted: 'signup_result',
  offer_expired: 'signup_result',
  seat_offered: 'waitlist_offer',
  activity_reminder: 'activity_reminder',
  activity_changed: 'activity_changed',
  activity_cancelled: 'activity_changed',
  poll_opened: 'consultation_opened',
  poll_published: 'consultation_result',
};

/** What a message is made of: the notice's subject (activity or consultation), its title, its text and time. */
export type MessageParts = Record<Exclude<MessagePart, 'at'>, string> & { at: Date };

/**
 * The template's fields from a notice, each keyword carrying its part (the layout comes from the configuration:
 * thing1 subject, thing2 title, thing3 body, time4 time unless WECHAT_TEMPLATE_<KEY>_FIELDS says otherwise).
 */
export function templateData(parts: MessageParts, fields: TemplateFields): Record<string, string> {
  return Object.fromEntries(
    fields.map(({ keyword, part }) => [keyword, fitField(keyword, part === 'at' ? formatTemplateTime(parts.at) : parts[part])]),
  );
}

/**
 * WeChat's per-type field limits (a longer value fails the whole send with 47003): thing 20 characters,
 * phrase 5, name 10, symbol 5, car_number 8, phone_number 17, character_string/number/letter 32.
 */
const maxLength: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  symbol: 5,
  car_number: 8,
  phone_number: 17,
  character_string: 32,
  number: 32,
  letter: 32,
};

/** A value cut to its field's limit, an ellipsis marking the cut. Empty values become '-' (WeChat rejects empty fields). */
export function fitField(key: string, value: string): string {
  const type = key.replace(/\d+$/, '');
  const chars = Array.from(value.replace(/\s+/g, ' ').trim());
  if (chars.length === 0) return '-';
  const max = maxLength[type];
  if (max === undefined || chars.length <= max) return chars.join('');
  return chars.slice(0, max - 1).join('') + '…';
}

/** 'YYYY-MM-DD HH:mm' in China time, the format WeChat's time fields take. */
export function formatTemplateTime(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600_000);
  return local.toISOString().slice(0, 16).replace('T', ' ');
}

/** The quoted subject of a notice body (`「社区义诊」`), else its title. */
export function subjectOf(title: string, body: string): string {
  return /「([^」]+)」/.exec(body)?.[1] ?? title;
}
