import type { Logger } from '@nestjs/common';
import { WechatApiError } from './wechat-api-error.js';
import type { WechatClient } from './wechat-client.js';

/** A mini-program code ready to show: the image as a data: URL and its bytes, or why there is none. */
export type MiniProgramCode =
  | { image: string; bytes: Buffer; failure: null }
  | { image: null; bytes: null; failure: WechatApiError | null };

/**
 * The unlimited mini-program code that opens `page` with `scene`. Without WeChat configured, or when WeChat cannot make
 * one, the caller shows a plain QR of the same link instead, so a WeChat failure is logged (why the plain QR appeared)
 * and returned, never thrown; any other error is a bug and propagates.
 */
export async function miniProgramCode(
  wechat: WechatClient | null,
  request: { scene: string; page: string; what: string; logger: Logger },
): Promise<MiniProgramCode> {
  if (!wechat) return { image: null, bytes: null, failure: null };
  try {
    // check_path off: the code also works while the page is in a trial build, not yet released.
    const bytes = await wechat.getUnlimitedQrCode({ scene: request.scene, page: request.page, width: 430, checkPath: false });
    return { image: `data:${imageType(bytes)};base64,${bytes.toString('base64')}`, bytes, failure: null };
  } catch (error) {
    if (!(error instanceof WechatApiError)) throw error;
    request.logger.warn(`mini-program code for ${request.what} unavailable, showing a plain QR: ${error.message}`);
    return { image: null, bytes: null, failure: error };
  }
}

/** WeChat answers JPEG by default and PNG for transparent codes. */
function imageType(bytes: Buffer): string {
  return bytes[0] === 0x89 && bytes[1] === 0x50 ? 'image/png' : 'image/jpeg';
}
