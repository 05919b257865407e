import { DEFAULT_TEMPLATE_FIELDS, TemplateFieldsSchema } from '../config/config.js';
import { fitField, formatTemplateTime, subjectOf, templateData, templateKeyOfKind } from './subscribe-templates.js';

describe('subscribe-message fields', () => {
  it('cuts each field type to WeChat’s limit, marking the cut', () => {
    const long = '社区老年人智能手机使用培训班第三期（周末班）';
    expect(Array.from(fitField('thing1', long))).toHaveLength(20);
    expect(fitField('thing1', long).endsWith('…')).toBe(true);
    expect(fitField('thing1', '插花')).toBe('插花');
    expect(fitField('phrase2', '候补到空位了')).toBe('候补到空…');
    expect(Array.from(fitField('name3', '欧阳娜娜娜娜娜娜娜娜娜'))).toHaveLength(10);
    expect(fitField('character_string4', 'x'.repeat(40))).toHaveLength(32);
    // Emoji count as one character each, as WeChat counts them.
    expect(Array.from(fitField('thing1', '😀'.repeat(25)))).toHaveLength(20);
  });

  it('never sends an empty field and folds whitespace', () => {
    expect(fitField('thing1', '  ')).toBe('-');
    expect(fitField('thing1', '第一行\n第二行')).toBe('第一行 第二行');
  });

  it('writes times in China time as WeChat’s time fields want', () => {
    expect(formatTemplateTime(new Date('2026-03-01T01:05:00Z'))).toBe('2026-03-01 09:05');
    expect(formatTemplateTime(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02 01:30');
  });

  it('takes the subject from the quoted title in the notice', () => {
    expect(subjectOf('报名成功', '您已报名「社区义诊」，请按时参加。')).toBe('社区义诊');
    expect(subjectOf('住户认证通过', '您的住户认证已通过。')).toBe('住户认证通过');
  });

  it('fills the keywords of the layout, each from its part and cut to its own type', () => {
    const parts = { subject: '社区老年人智能手机使用培训班第三期', title: '活动快开始了', body: '明天 9:00 开始', at: new Date('2026-03-01T01:00:00Z') };
    expect(templateData(parts, TemplateFieldsSchema.parse(DEFAULT_TEMPLATE_FIELDS))).toEqual({
      thing1: '社区老年人智能手机使用培训班第三期',
      thing2: '活动快开始了',
      thing3: '明天 9:00 开始',
      time4: '2026-03-01 09:00',
    });
    expect(templateData(parts, TemplateFieldsSchema.parse('name2:subject,phrase7:title,date3:at'))).toEqual({
      name2: '社区老年人智能手机…',
      phrase7: '活动快开…',
      date3: '2026-03-01 09:00',
    });
  });

  it('sends residency decisions through the inbox only', () => {
    expect(templateKeyOfKind.residency_decided).toBeUndefined();
    expect(templateKeyOfKind.seat_offered).toBe('waitlist_offer');
  });
});
