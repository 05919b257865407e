import { Inject, Injectable, Logger } from '@nestjs/common';
import { errorMessages, pagePaths, type CheckinCode } from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { WECHAT_CLIENT } from '../wechat/wechat-client.provider.js';
import { miniProgramCode, type WechatClient } from '../wechat/index.js';
import { SignupsService } from './signups.service.js';

/** The page a scanned code opens; it reads `scene`. */
export const CHECKIN_PAGE = pagePaths.activityCheckin;
/** Codes never change for a scene, so a few hundred recent ones are kept: WeChat limits how many we may ask for. */
const CACHE_SIZE = 200;

/** What the check-in page reads from `scene`: the activity and its token, within WeChat's 32 characters. */
export function checkinScene(activityId: number, token: string): string {
  return `${activityId}.${token}`;
}

/**
 * The code staff show at the door. With WeChat configured it is a real mini-program code, so any WeChat scan opens
 * the check-in page; without WeChat, or when WeChat cannot make one, it is a plain QR and the answer says why.
 */
@Injectable()
export class CheckinCodeService {
  private readonly logger = new Logger('CheckinCode');
  private readonly images = new Map<string, string>();

  constructor(
    private readonly signups: SignupsService,
    private readonly access: AccessService,
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient | null,
  ) {}

  async codeFor(auth: AuthContext, activityId: number): Promise<CheckinCode> {
    const activity = await this.signups.visibleActivity(auth, activityId);
    await this.access.assertManagesActivity(auth, activity);
    const scene = checkinScene(activity.id, activity.checkinToken);
    const plain = (notice: string): CheckinCode => ({ kind: 'plain', scene, page: CHECKIN_PAGE, image: null, notice });
    if (!this.wechat) {
      return plain('本系统还没有接入微信，这是普通二维码：请居民在小程序的活动页面点“扫码签到”来扫，或输入码下面的字。');
    }
    const cached = this.images.get(scene);
    if (cached) return { kind: 'miniprogram', scene, page: CHECKIN_PAGE, image: cached, notice: null };
    const code = await miniProgramCode(this.wechat, { scene, page: CHECKIN_PAGE, what: `activity ${activityId}`, logger: this.logger });
    if (!code.image) {
      const reason = code.failure ? errorMessages[code.failure.code] : '微信暂时没有回应';
      return plain(`暂时生成不了微信小程序码（${reason}），先用普通二维码：请居民在小程序的活动页面点“扫码签到”来扫。`);
    }
    this.remember(scene, code.image);
    return { kind: 'miniprogram', scene, page: CHECKIN_PAGE, image: code.image, notice: null };
  }

  private remember(scene: string, image: string) {
    if (this.images.size >= CACHE_SIZE) this.images.delete(this.images.keys().next().value!);
    this.images.set(scene, image);
  }
}

