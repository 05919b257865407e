import { useMemo } from 'react'
import { Image, View } from '@tarojs/components'
import { qrDataUrl } from '../../lib/qr'

/** A QR code drawn in JS as an image: same in WeChat and in the browser, no canvas. */
export function QrCode({ id, text, size, label }: { id?: string; text: string; size: 'medium' | 'large'; label: string }) {
  const src = useMemo(() => qrDataUrl(text), [text])
  return (
    <View id={id} className={`qr qr-${size}`}>
      <Image className='qr-image' src={src} mode='scaleToFill' ariaLabel={label} showMenuByLongpress />
    </View>
  )
}
