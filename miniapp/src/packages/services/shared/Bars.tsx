import { Text, View } from '@tarojs/components'
import '../../staff/stats/index.css'
import './services.css'

export interface BarRow {
  label: string
  value: number
  text: string
}

/**
 * Bars drawn with Views, each in a table row between its label and its number, in the 统计 page's styles; unlike its
 * BarChart they can be scaled to a given maximum (the target) and sit inside another card.
 */
export function Bars({ id, rows, max }: { id: string; rows: BarRow[]; max?: number }) {
  const top = Math.max(1, max ?? 0, ...rows.map((r) => r.value))
  return (
    <View id={id} className='svc-bars' role='table'>
      {rows.map((r, i) => (
        <View key={`${r.label}-${i}`} className='stats-row' role='row'>
          <Text className='ll-text stats-label'>{r.label}</Text>
          <View className='stats-track' aria-hidden>
            <View className='stats-bar' style={{ width: `${Math.max(2, Math.min(100, (r.value / top) * 100))}%` }} />
          </View>
          <Text className='ll-text stats-value'>{r.text}</Text>
        </View>
      ))}
    </View>
  )
}
