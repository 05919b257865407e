import { Text, View } from '@tarojs/components'
import type { Bar } from './statsView'

/**
 * A bar chart drawn with Views (no chart library: see README "Statistics"). Each bar sits in a table row between
 * its label and its number, so the figures are there for people who would rather read than compare lengths.
 */
export function BarChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  return (
    <View id={`chart-${id}`} className='ll-card stats-chart'>
      <Text className='ll-heading'>{title}</Text>
      {bars.length === 0 ? (
        <Text className='ll-secondary'>这段时间还没有数据</Text>
      ) : (
        <View className='stats-table' role='table'>
          {bars.map((b, i) => (
            <View key={`${b.label}-${i}`} className='stats-row' role='row'>
              <Text className='ll-text stats-label'>
                {b.label}
              </Text>
              <View className='stats-track' aria-hidden>
                <View className='stats-bar' style={{ width: `${Math.max(2, (b.value / max) * 100)}%` }} />
              </View>
              <Text className='ll-text stats-value'>
                {b.text}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
