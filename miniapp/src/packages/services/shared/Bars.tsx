import { Text, View } from '@tarojs/components'

export interface BarRow {
  label: string
  value: number
  text: string
}

/** Bars drawn with Views, each in a table row between its label and its number (as on the 统计 page). */
export function Bars({ id, rows, max }: { id: string; rows: BarRow[]; max?: number }) {
  const top = Math.max(1, max ?? 0, ...rows.map((r) => r.value))
  return (
    <View id={id} role='table'>
      {rows.map((r, i) => (
        <View key={`${r.label}-${i}`} className='svc-row' role='row'>
          <Text className='ll-text'>{r.label}</Text>
          <View className='svc-track' aria-hidden>
            <View className='svc-bar' style={{ width: `${Math.max(2, Math.min(100, (r.value / top) * 100))}%` }} />
          </View>
          <Text className='ll-text'>{r.text}</Text>
        </View>
      ))}
    </View>
  )
}
