import { checkKeywords, fold } from './keyword-filter.js';

describe('the local keyword filter', () => {
  it('passes ordinary neighbourhood text', () => {
    for (const text of ['希望晚上十点后关灯', '老伴', '我想学用微信视频通话', '王奶奶']) expect(checkKeywords(text)).toEqual({ suggest: 'pass' });
  });

  it('refuses risky words, however they are spaced, punctuated or written in full-width letters', () => {
    expect(checkKeywords('周末一起去网赌吧')).toEqual({ suggest: 'risky', keyword: '网赌' });
    expect(checkKeywords('办 证，找我')).toEqual({ suggest: 'risky', keyword: '办证' });
    expect(checkKeywords('要Ｋ粉吗')).toEqual({ suggest: 'risky', keyword: 'k粉' });
  });

  it('holds advertising, contact details and sensitive topics for review', () => {
    expect(checkKeywords('有事加我微信')).toEqual({ suggest: 'review', keyword: '加我微信' });
    expect(checkKeywords('电话 138-1234-5678')).toEqual({ suggest: 'review', keyword: '13812345678' });
    expect(checkKeywords('社区能不能办一次远离赌博的讲座')).toEqual({ suggest: 'review', keyword: '赌博' });
  });

  it('folds width, case, spaces and punctuation', () => {
    expect(fold(' ＡＢ c，d！')).toBe('abcd');
  });
});
