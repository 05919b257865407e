import type { MsgSecCheckRequest, MsgSecCheckResult } from '../wechat/index.js';
import { WechatApiError } from '../wechat/index.js';
import type { AuthorsRepository } from './authors.repository.js';
import { ContentCheckService, type ContentSecurityApi, type UserText } from './content-check.service.js';

const opinion = (text: string): UserText => ({ path: 'body.opinion', text, scene: 'comment' });
const companion = (text: string): UserText => ({ path: 'body.companions.0.name', text, scene: 'profile' });

/** A WeChat stand-in answering each call from a queue (or with one fixed answer), noting what it was asked. */
function fakeWechat(answer: (r: MsgSecCheckRequest) => MsgSecCheckResult | Error) {
  const calls: MsgSecCheckRequest[] = [];
  const api: ContentSecurityApi = {
    msgSecCheck: async (r) => {
      calls.push(r);
      const a = answer(r);
      if (a instanceof Error) throw a;
      return a;
    },
  };
  return { api, calls };
}

const users = (openid: string) => ({ openidOf: async () => openid }) as unknown as AuthorsRepository;

describe('ContentCheckService', () => {
  it('without WeChat, checks with the keyword list alone and says so', async () => {
    const service = new ContentCheckService(null, users('o_real'));
    expect(service.mode).toBe('local');
    expect(await service.screen(1, [opinion('希望加装路灯')])).toBe('pass');
    expect(await service.screen(1, [opinion('加我微信')])).toBe('review');
    await expect(service.screen(1, [opinion('好的'), companion('六合彩')])).rejects.toMatchObject({
      code: 'CONTENT_RISKY',
      fields: [{ path: 'body.companions.0.name', message: '含有不适合发布的词语「六合彩」，请修改' }],
    });
  });

  it('asks WeChat once per scene with the author openid, and follows its suggestion', async () => {
    let suggest: MsgSecCheckResult['suggest'] = 'pass';
    const wechat = fakeWechat(() => ({ suggest, label: 100 }));
    const service = new ContentCheckService(wechat.api, users('o_real'));
    expect(service.mode).toBe('local+wechat');
    expect(await service.screen(7, [opinion('第一句'), opinion('第二句'), companion('王奶奶')])).toBe('pass');
    expect(wechat.calls).toEqual([
      { openid: 'o_real', scene: 1, content: '王奶奶' },
      { openid: 'o_real', scene: 2, content: '第一句\n第二句' },
    ]);
    suggest = 'review';
    expect(await service.screen(7, [opinion('看起来没问题')])).toBe('review');
    suggest = 'risky';
    await expect(service.screen(7, [opinion('看起来没问题')])).rejects.toMatchObject({ code: 'CONTENT_RISKY', fields: [{ path: 'body.opinion' }] });
  });

  it('splits long texts into 2,500-character pieces', async () => {
    const wechat = fakeWechat(() => ({ suggest: 'pass', label: 100 }));
    const service = new ContentCheckService(wechat.api, users('o_real'));
    await service.screen(7, Array.from({ length: 6 }, () => opinion('好'.repeat(500))));
    expect(wechat.calls.map((c) => c.content.length)).toEqual([2500, 505]);
  });

  it('refuses locally risky text without asking WeChat, and skips WeChat for empty text and dev identities', async () => {
    const wechat = fakeWechat(() => ({ suggest: 'pass', label: 100 }));
    await expect(new ContentCheckService(wechat.api, users('o_real')).screen(7, [opinion('网赌')])).rejects.toMatchObject({ code: 'CONTENT_RISKY' });
    expect(await new ContentCheckService(wechat.api, users('o_real')).screen(7, [opinion('  ')])).toBe('pass');
    expect(await new ContentCheckService(wechat.api, users('dev_persona_resident')).screen(7, [opinion('你好')])).toBe('pass');
    expect(wechat.calls).toEqual([]);
  });

  it('holds the text for review when WeChat cannot answer, rather than publishing it unchecked', async () => {
    const busy = new WechatApiError({ api: 'msg_sec_check', failure: 'errcode', errcode: -1, errmsg: 'system error' });
    const service = new ContentCheckService(fakeWechat(() => busy).api, users('o_real'));
    expect(await service.screen(7, [opinion('希望加装路灯')])).toBe('review');
  });
});
