import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { displayRootProps, useDisplay } from '../stores/display'
import { PrivacyPrompt } from './PrivacyPrompt'

interface PageProps {
  children: ReactNode
  /** The page's one main action, fixed at the bottom in full width. */
  footer?: ReactNode
}

/** Every page's root: applies 大字模式 and WeChat's font scale, and hosts WeChat's privacy consent prompt. */
export function Page({ children, footer }: PageProps) {
  const root = displayRootProps(useDisplay())
  return (
    <View className={footer ? `${root.className} ll-has-footer` : root.className} style={root.style}>
      {children}
      {footer ? <View className='ll-footer'>{footer}</View> : null}
      <PrivacyPrompt />
    </View>
  )
}
