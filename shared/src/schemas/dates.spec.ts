import { CreateActivitySchema } from './activities.js';
import { PublishArticleSchema } from './articles.js';
import { DATE_WINDOW_MESSAGE, DateTimeSchema, inDateWindow } from './common.js';
import { CreatePollSchema } from './polls.js';
import { configureZod } from '../zod-locale.js';

configureZod();

const messagesOf = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('the date window (2000–2100)', () => {
  it.each(['2000-01-01T00:00:00Z', '2026-12-08T06:30:00.000Z', '2100-12-31T23:59:59Z', '2030-05-03T14:00:00+08:00'])('takes %s', (v) => {
    expect(DateTimeSchema.safeParse(v).success).toBe(true);
  });

  it.each(['9999-12-30T00:00:00Z', '1999-12-31T23:59:59Z', '2101-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '1970-01-01T00:00:00Z'])(
    'refuses %s with one Chinese message',
    (v) => {
      expect(messagesOf(DateTimeSchema.safeParse(v))).toEqual([`: ${DATE_WINDOW_MESSAGE}`]);
    },
  );

  it('refuses a five-digit year once, as no date at all', () => {
    const issues = messagesOf(DateTimeSchema.safeParse('10000-01-06T00:00:00Z'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers for Dates, epoch milliseconds and strings alike', () => {
    expect(inDateWindow(new Date('2050-01-01T00:00:00Z'))).toBe(true);
    expect(inDateWindow(Date.UTC(2101, 0, 1))).toBe(false);
    expect(inDateWindow('1999-12-31T23:59:59.999Z')).toBe(false);
    expect(inDateWindow('not a date')).toBe(false);
  });

  const activity = (startYear: number, repeatWeekly: number) => {
    const at = (month: number, day: number) => new Date(Date.UTC(startYear, month, day, 6)).toISOString();
    return {
      communityId: 1,
      title: '太极拳',
      category: 'culture_sports',
      place: '活动室',
      signupOpensAt: at(10, 1),
      signupClosesAt: at(10, 20),
      cancelDeadline: at(10, 20),
      startsAt: at(10, 25),
      endsAt: at(10, 26),
      seats: 10,
      repeatWeekly,
    };
  };

  it('takes a weekly series that ends inside the window', () => {
    expect(CreateActivitySchema.safeParse(activity(2100, 5)).success).toBe(true);
  });

  it('refuses a weekly series whose later sessions fall after 2100, on repeatWeekly', () => {
    const issues = messagesOf(CreateActivitySchema.safeParse(activity(2100, 10)));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^repeatWeekly: 每周重复到最后一次时超出了范围/);
  });

  it('bounds consultations and article scheduling by the same schema', () => {
    const poll = CreatePollSchema.safeParse({ communityId: 1, title: '加装电梯', opensAt: '2026-01-01T00:00:00Z', closesAt: '9999-01-01T00:00:00Z' });
    expect(messagesOf(poll)).toContain(`closesAt: ${DATE_WINDOW_MESSAGE}`);
    const article = PublishArticleSchema.safeParse({ publishAt: '1999-01-01T00:00:00Z' });
    expect(messagesOf(article)).toContain(`publishAt: ${DATE_WINDOW_MESSAGE}`);
  });
});
