import { Inject, Injectable } from '@nestjs/common';
import type { AuthResponse, DevLoginRequest } from '@linli/shared';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AppError } from '../common/app-error.js';
import { screenLocally } from '../content-check/content-check.service.js';
import { personaOpenid } from '../database/seed/demo-data.js';
import { RateLimiter } from '../rate-limit/rate-limiter.js';
import { MeService } from '../users/me.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { WechatApiError, type WechatClient } from '../wechat/index.js';
import { GrantsCache } from './grants-cache.js';
import { TokenService } from './token.service.js';
import { WECHAT_CLIENT } from '../wechat/wechat-client.provider.js';

const DEFAULT_NICKNAME = '微信用户';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient | null,
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly me: MeService,
    private readonly grants: GrantsCache,
    private readonly limiter: RateLimiter,
  ) {}

  /** wx.login code → code2Session → our own token. The session_key is dropped here: nothing needs it yet. */
  async wechatLogin(code: string, ip: string): Promise<AuthResponse> {
    if (!this.wechat) throw new AppError('WECHAT_NOT_CONFIGURED');
    let session;
    try {
      session = await this.wechat.code2Session(code);
    } catch (error) {
      if (error instanceof WechatApiError) throw new AppError(error.code, { cause: error });
      throw error;
    }
    const user = await this.userFor(session.openid, { nickname: DEFAULT_NICKNAME, unionid: session.unionid ?? null }, ip);
    return this.session(user.id);
  }

  async devLogin(request: DevLoginRequest, ip: string): Promise<AuthResponse> {
    if (!this.config.devLogin) throw new AppError('DEV_LOGIN_DISABLED');
    if ('persona' in request) {
      const user = await this.users.findByOpenid(personaOpenid(request.persona));
      if (!user) throw new AppError('UNKNOWN_PERSONA');
      return this.session(user.id);
    }
    // Not yet a user, so the keyword list alone (WeChat checks an author's openid). A nickname the check wants
    // looked at is not shown to anyone: the user starts with the default one.
    const verdict = screenLocally([{ path: 'body.nickname', text: request.nickname, scene: 'profile' }]);
    const nickname = verdict === 'pass' ? request.nickname : DEFAULT_NICKNAME;
    // The prefix keeps made-up dev identities apart from real WeChat openids.
    const user = await this.userFor(`dev_${request.openid}`, { nickname, unionid: null }, ip);
    return this.session(user.id);
  }

  /** The user with this openid, or a new account, which counts against the address's limit on new accounts. */
  private async userFor(openid: string, defaults: { nickname: string; unionid: string | null }, ip: string) {
    const existing = await this.users.findByOpenid(openid);
    if (existing) return existing;
    await this.limiter.take('account', { ip });
    return this.users.findOrCreate(openid, defaults);
  }

  private async session(userId: number): Promise<AuthResponse> {
    // A new session starts from the grants as they are now, not as a cached minute ago.
    await this.grants.reload(userId);
    return { ...this.tokens.issue(userId), me: await this.me.me(userId) };
  }
}
