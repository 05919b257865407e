import Taro from '@tarojs/taro'
import { routes } from '@linli/shared'
import { upload } from '../../../api'

/** Picks a photo (camera or album) and uploads it to our own storage; null when the picker was closed. */
export async function pickPhoto(): Promise<string | null> {
  let file: { path: string; size: number } | undefined
  try {
    file = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })).tempFiles[0]
  } catch (e) {
    if (/cancel/.test((e as { errMsg?: string })?.errMsg ?? '')) return null
    throw new Error('没能打开相机或相册，请在微信设置里允许使用', { cause: e })
  }
  if (!file) return null
  return (await upload(routes.uploadImage, file.path, file.size)).variants.body
}
