import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { servicePointKindLabels, type NearbyServicePoint } from '@linli/shared'
import { Button } from '../../../components/nutui'
import { ToneChip } from '../../../components/ToneChip'
import { distanceWords, todayWords, walkWords, weekWords } from '../words'

/** One point as a resident reads it: how far, open or not in words, the week's hours, and a big 打电话. */
export function PointCard({ point }: { point: NearbyServicePoint }) {
  return (
    <View className='ll-card circle-card' id={`point-${point.id}`}>
      <View className='ll-card-row'>
        <Text className='ll-heading'>{point.name}</Text>
        <ToneChip id={`point-${point.id}-open`} label={point.openNow ? '营业中' : '已休息'} tone={point.openNow ? 'approved' : 'neutral'} />
      </View>
      <Text className='ll-text circle-line'>
        {servicePointKindLabels[point.kind]} · {walkWords(point.walkingMinutes)}（{distanceWords(point.walkingMeters)}）
      </Text>
      <Text className='ll-text circle-line'>{todayWords(point.today)}</Text>
      {weekWords(point.hours).map((line) => (
        <Text key={line} className='ll-secondary circle-line'>
          {line}
        </Text>
      ))}
      {point.hours.note ? <Text className='ll-secondary circle-line'>{point.hours.note}</Text> : null}
      {point.services.length ? <Text className='ll-secondary circle-line'>服务：{point.services.join('、')}</Text> : null}
      <Text className='ll-secondary circle-line'>地址：{point.address}</Text>
      {point.organisation ? <Text className='ll-secondary circle-line'>运营：{point.organisation.name}</Text> : null}
      {point.phone ? (
        <Button
          id={`point-${point.id}-call`}
          className='circle-call'
          size='large'
          type='primary'
          block
          onClick={() => void Taro.makePhoneCall({ phoneNumber: point.phone }).catch(() => undefined)}
        >
          打电话 {point.phone}
        </Button>
      ) : null}
    </View>
  )
}
