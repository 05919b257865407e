/** What the local filter makes of a text: fine, for a person to look at first, or not to be published. */
export type KeywordVerdict = { suggest: 'pass' } | { suggest: 'review' | 'risky'; keyword: string };

/**
 * Words that are never published in a neighbourhood app: gambling, drugs, weapons, sex trade, fraud. The check
 * runs on the folded text (see fold), so spacing, punctuation, full-width letters and case do not hide a word.
 */
const RISKY = [
  '网赌', '赌球', '六合彩', '百家乐',
  '冰毒', '海洛因', '摇头丸', 'k粉',
  '枪支', '炸药', '雷管', '迷药', '窃听器',
  '卖淫', '嫖娼', '裸聊', '约炮', '援交',
  '办证', '代开发票', '假币', '洗钱', '裸贷',
];

/**
 * Words a person reads before anyone else sees the text: advertising, private contact details (a resident
 * writing a phone number into an opinion may not mean to publish it), and topics a community also talks about
 * for good reasons (禁毒 and anti-fraud talks mention 吸毒 and 传销), so they are not refused outright.
 */
const REVIEW = [
  '加微信', '加我微信', '加v', '加vx', '微信号', 'qq群', '扫码', '二维码', '返利', '兼职', '代购', '优惠券', '贷款',
  '赌博', '吸毒', '大麻', '色情', '传销', '套现', '刷单',
];

/** A mobile number, 11 digits starting with 1, once the text is folded (so "138 1234 5678" counts). */
const PHONE = /1[3-9]\d{9}/;

/** Full-width to half-width, lower case, and without spaces, punctuation and symbols. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function checkKeywords(text: string): KeywordVerdict {
  const folded = fold(text);
  const risky = RISKY.find((word) => folded.includes(word));
  if (risky) return { suggest: 'risky', keyword: risky };
  const review = REVIEW.find((word) => folded.includes(word)) ?? folded.match(PHONE)?.[0];
  if (review) return { suggest: 'review', keyword: review };
  return { suggest: 'pass' };
}
