import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Cell } from './nutui'

/** A tappable NutUI Cell with a stable id (Cell itself drops `id`), for lists of choices and links. */
export function LinkCell({
  id,
  title,
  description,
  extra = '›',
  onClick,
}: {
  id: string
  title: ReactNode
  description?: ReactNode
  extra?: ReactNode
  onClick: () => void
}) {
  return (
    <View id={id} className='ll-link-cell'>
      <Cell title={title} description={description} extra={<View className='ll-link-cell-extra'>{extra}</View>} clickable onClick={onClick} />
    </View>
  )
}
