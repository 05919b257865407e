import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { routes } from '@linli/shared'
import { messageOf, upload } from '../../../api'
import { Button } from '../../../components/nutui'

/** The activity's cover: choose a photo (album or camera), it is uploaded at once and shown as residents will see it. */
export function CoverPicker({ value, onChange }: { value: string | null; onChange: (url: string | null) => void }) {
  const [uploading, setUploading] = useState(false)
  const [error, setError] = useState<string>()

  const choose = async () => {
    let file: { path: string; size: number } | undefined
    try {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      file = chosen.tempFiles[0]
    } catch (e) {
      // Closing the picker is not an error; being refused the album is.
      if (!/cancel/.test((e as { errMsg?: string })?.errMsg ?? '')) setError('没能打开相册，请在微信设置里允许使用相册和相机')
      return
    }
    if (!file) return
    setUploading(true)
    setError(undefined)
    try {
      const uploaded = await upload(routes.uploadImage, file.path, file.size)
      onChange(uploaded.variants.cover)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setUploading(false)
    }
  }

  return (
    <View id='form-cover'>
      {value ? (
        <Image id='form-cover-preview' className='form-cover-preview' src={value} mode='aspectFill' />
      ) : (
        <View className='form-cover-empty'>
          <Text className='ll-secondary'>还没有封面图片</Text>
        </View>
      )}
      <View className='ll-button-row form-cover-actions'>
        <Button id='form-cover-choose' size='large' fill='outline' loading={uploading} onClick={choose}>
          {value ? '换一张' : '选择图片'}
        </Button>
        {value && !uploading ? (
          <Button id='form-cover-remove' size='large' fill='outline' onClick={() => onChange(null)}>
            不用封面
          </Button>
        ) : null}
      </View>
      {uploading ? <Text className='ll-secondary form-hint'>正在上传，请稍等……</Text> : null}
      {error ? (
        <View id='form-cover-error' role='alert'>
          <Text className='ll-field-error'>{error}</Text>
        </View>
      ) : null}
    </View>
  )
}
