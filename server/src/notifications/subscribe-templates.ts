import { formatMoment, type InboxKind, type SubscribeTemplateKey } from '@linli/shared';
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
  service_request: 'service_request',
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

/** The activity or consultation a notice is about, as its message tells it. */
export interface MessageSubject {
  communityId: number;
  title: string;
  startsAt: Date | null;
  closesAt: Date | null;
  place: string | null;
  cancelReason: string | null;
}

/** A notice as its parts: what the inbox stores, and the short text WeChat's 20-character body field gets. */
export interface NoticeText {
  title: string;
  body: string;
  /** The WeChat body, when the kind's usual one is not enough (a seat offer's deadline). */
  brief?: string;
}

/**
 * The WeChat body of each kind, short enough for a `thing` field (20 characters): the inbox keeps the full text,
 * the message carries the subject, the event's time and this. Where it quotes what staff wrote (a place, a
 * reason) that part is shortened with an ellipsis.
 */
const briefOfKind: Partial<Record<InboxKind, (subject: MessageSubject | null) => string>> = {
  signup_confirmed: () => '报名成功，请按时参加',
  signup_waitlisted: () => '名额已满，已为您候补，有空位会通知您',
  offer_expired: () => '保留的空位已过期，已让给下一位',
  seat_offered: () => '有空位了，请尽快到活动页面确认',
  activity_reminder: (s) => (s?.place ? `地点：${s.place}` : '活动快开始了，请准时参加'),
  activity_changed: () => '时间或地点有更新，请查看',
  activity_cancelled: (s) => (s?.cancelReason ? `原因：${s.cancelReason}` : '活动已取消，您不用去了'),
  poll_opened: () => '请到“议事”里查看并投票',
  poll_published: () => '投票结果已公示，请查看',
};

/**
 * A notice's message parts: the subject is the activity's or consultation's own title (an ellipsis when it is
 * longer than the field), and the time is the event's — when the activity starts, when the consultation closes;
 * the send time only for what happens now (a result published).
 */
export function messageParts(kind: InboxKind, notice: NoticeText, subject: MessageSubject | null, now: Date): MessageParts {
  const at = kind === 'poll_published' ? now : (subject?.startsAt ?? subject?.closesAt ?? now);
  return {
    subject: subject?.title ?? subjectOf(notice.title, notice.body),
    title: notice.title,
    body: notice.brief ?? briefOfKind[kind]?.(subject) ?? notice.body,
    at,
  };
}

/** 请于12月8日 下午2:00前确认: a deadline that fits a `thing` field. */
export function briefDeadline(at: Date): string {
  return `请于${formatMoment(at, { weekday: false })}前确认`;
}

/** The quoted subject of a notice body (`「社区义诊」`), else its title. */
export function subjectOf(title: string, body: string): string {
  return /「([^」]+)」/.exec(body)?.[1] ?? title;
}
