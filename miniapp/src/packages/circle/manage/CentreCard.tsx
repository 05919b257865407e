import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type CommunityCentre } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Field } from '../../staff/shared/Field'
import { Notice, type NoticeText } from '../../staff/shared/Notice'

/**
 * A community's centre: residents' 身边服务 measures from here (households carry no coordinates of their own),
 * so a community without one shows its residents no distances.
 */
export function CentreCard({ centre, onSaved }: { centre: CommunityCentre; onSaved: (c: CommunityCentre) => void }) {
  const [lat, setLat] = useState(centre.lat === null ? '' : String(centre.lat))
  const [lng, setLng] = useState(centre.lng === null ? '' : String(centre.lng))
  const [notice, setNotice] = useState<NoticeText | null>(null)
  const save = async () => {
    const at = { lat: Number(lat), lng: Number(lng) }
    if (!lat.trim() || !lng.trim() || !Number.isFinite(at.lat) || !Number.isFinite(at.lng)) {
      return setNotice({ kind: 'error', text: '请填写纬度和经度（数字）' })
    }
    try {
      onSaved(await call(routes.setCommunityCentre, { params: { id: centre.communityId }, body: at }))
      setNotice({ kind: 'done', text: '已保存，居民的“身边服务”从这里算距离' })
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e) })
    }
  }
  return (
    <View className='ll-card' id={`centre-${centre.communityId}`}>
      <Text className='ll-heading'>{centre.name}的位置</Text>
      {centre.lat === null ? <Text className='ll-text circle-line'>还没有设置：居民看不到离家多远。</Text> : null}
      <View className='ll-button-row'>
        <Field id={`centre-${centre.communityId}-lat`} label='纬度' value={lat} maxLength={12} type='digit' onChange={setLat} />
        <Field id={`centre-${centre.communityId}-lng`} label='经度' value={lng} maxLength={12} type='digit' onChange={setLng} />
      </View>
      <Notice notice={notice} />
      <Button id={`centre-${centre.communityId}-save`} size='large' fill='outline' onClick={() => void save()}>
        保存位置
      </Button>
    </View>
  )
}
