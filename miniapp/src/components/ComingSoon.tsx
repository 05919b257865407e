import { Text, View } from '@tarojs/components'
import { Page } from './Page'

/** An honest placeholder: what this tab will do, and that it is not there yet. */
export function ComingSoon({ title, intro, features }: { title: string; intro: string; features: string[] }) {
  return (
    <Page>
      <View className='ll-body'>
        <View className='ll-card-row'>
          <Text className='ll-title'>{title}</Text>
          <Text className='ll-chip'>即将上线</Text>
        </View>
        <Text className='ll-text'>{intro}</Text>
        <View className='ll-card soon-card'>
          <Text className='ll-heading'>上线后您可以：</Text>
          {features.map((feature) => (
            <Text className='ll-text soon-feature' key={feature}>
              · {feature}
            </Text>
          ))}
        </View>
        <Text className='ll-secondary'>现在有事，请直接联系您所在社区的居委会。</Text>
      </View>
    </Page>
  )
}
