import { Inject, Injectable } from '@nestjs/common';
import type { MaskedPhone } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { WECHAT_CLIENT } from '../wechat/wechat-client.provider.js';
import { AppError } from '../common/app-error.js';
import { maskPhone } from '../users/mask-phone.js';
import { UsersRepository } from '../users/users.repository.js';
import { WechatApiError, type WechatClient } from '../wechat/index.js';

/**
 * Staff bind a contact phone through WeChat's getPhoneNumber (the route admits staff only: residents are never
 * asked). The number is stored whole and answered masked, here and everywhere else.
 */
@Injectable()
export class PhoneService {
  constructor(
    private readonly users: UsersRepository,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient | null,
  ) {}

  async bind(auth: AuthContext, code: string): Promise<MaskedPhone> {
    if (!this.wechat) throw new AppError('PHONE_NEEDS_WECHAT');
    let phone: string;
    try {
      phone = (await this.wechat.getPhoneNumber(code)).phoneNumber;
    } catch (error) {
      if (error instanceof WechatApiError) throw new AppError(error.code, { cause: error });
      throw error;
    }
    await this.users.setPhone(auth.userId, phone);
    return { phone: maskPhone(phone) };
  }

  async unbind(auth: AuthContext): Promise<MaskedPhone> {
    await this.users.setPhone(auth.userId, null);
    return { phone: null };
  }
}
