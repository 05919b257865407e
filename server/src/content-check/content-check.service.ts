import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FieldError } from '@linli/shared';
import { WECHAT_CLIENT } from '../wechat/wechat-client.provider.js';
import { AppError } from '../common/app-error.js';
import type { MsgSecCheckRequest, MsgSecCheckResult } from '../wechat/index.js';
import { AuthorsRepository } from './authors.repository.js';
import { checkKeywords } from './keyword-filter.js';

/** The part of the WeChat client this service uses (null when WeChat is not configured). */
export interface ContentSecurityApi {
  msgSecCheck(request: MsgSecCheckRequest): Promise<MsgSecCheckResult>;
}

/** WeChat's scenes: a name about a person (nickname, companion) or a comment (opinion, sign-up answer). */
export type ContentScene = 'profile' | 'comment';

export interface UserText {
  /** Where the text came from in the request, e.g. 'body.opinion': the field a refusal points at. */
  path: string;
  text: string;
  scene: ContentScene;
}

/** pass: publish. review: keep it, but only staff see it until one of them approves it. */
export type ContentVerdict = 'pass' | 'review';

/** How texts are checked on this server: the local keyword list alone, or also WeChat's msg_sec_check. */
export type ContentCheckMode = 'local' | 'local+wechat';

const SCENE_NUMBER = { profile: 1, comment: 2 } as const;
const WECHAT_MAX_CHARS = 2500;

/** The keyword list alone: refuses risky texts (naming each field and word), else the verdict. */
export function screenLocally(texts: UserText[]): ContentVerdict {
  let verdict: ContentVerdict = 'pass';
  const refused: FieldError[] = [];
  for (const t of texts) {
    const local = checkKeywords(t.text);
    if (local.suggest === 'risky') refused.push({ path: t.path, message: `含有不适合发布的词语「${local.keyword}」，请修改` });
    if (local.suggest === 'review') verdict = 'review';
  }
  if (refused.length) throw new AppError('CONTENT_RISKY', { fields: refused });
  return verdict;
}

/**
 * Every text a user writes passes here before it is stored: the local keyword list always, and WeChat's
 * msg_sec_check when WeChat is configured and the author has a WeChat openid. Risky text is refused with
 * CONTENT_RISKY naming the field; text to review is stored but held for staff. When WeChat cannot answer
 * (busy, timed out) the text is held for review rather than published unchecked.
 */
@Injectable()
export class ContentCheckService {
  private readonly logger = new Logger('ContentCheck');

  constructor(
    @Inject(WECHAT_CLIENT) private readonly wechat: ContentSecurityApi | null,
    private readonly authors: AuthorsRepository,
  ) {}

  get mode(): ContentCheckMode {
    return this.wechat ? 'local+wechat' : 'local';
  }

  /** Texts `author` wrote: refused (CONTENT_RISKY) or the verdict. */
  async screen(author: number, texts: UserText[]): Promise<ContentVerdict> {
    const written = texts.filter((t) => t.text.trim() !== '');
    if (written.length === 0) return 'pass';
    const local = screenLocally(written);
    const wechat = await this.wechatVerdict(author, written);
    if (wechat === 'risky') {
      throw new AppError('CONTENT_RISKY', { fields: written.map((t) => ({ path: t.path, message: '微信内容安全检查未通过，请修改' })) });
    }
    return wechat === 'review' ? 'review' : local;
  }

  /** One call per scene (texts joined, in 2,500-character pieces); the worst suggestion wins. */
  private async wechatVerdict(userId: number, texts: UserText[]): Promise<'pass' | 'review' | 'risky' | 'skipped'> {
    if (!this.wechat) return 'skipped';
    const openid = await this.authors.openidOf(userId);
    // Dev-login identities and seeded personas (dev_…) have no WeChat account to check against.
    if (!openid || openid.startsWith('dev_')) return 'skipped';
    const requests: MsgSecCheckRequest[] = [];
    for (const scene of ['profile', 'comment'] as const) {
      const joined = texts.filter((t) => t.scene === scene).map((t) => t.text).join('\n');
      for (let at = 0; at < joined.length; at += WECHAT_MAX_CHARS) {
        requests.push({ openid, scene: SCENE_NUMBER[scene], content: joined.slice(at, at + WECHAT_MAX_CHARS) });
      }
    }
    try {
      const results = await Promise.all(requests.map((r) => this.wechat!.msgSecCheck(r)));
      if (results.some((r) => r.suggest === 'risky')) return 'risky';
      return results.some((r) => r.suggest === 'review') ? 'review' : 'pass';
    } catch (error) {
      this.logger.warn(`msg_sec_check failed, holding the text for staff review: ${(error as Error).message}`);
      return 'review';
    }
  }
}
