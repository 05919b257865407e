import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { routes } from '@linli/shared'
import { call } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { householdLabel } from '../../../lib/format'
import { goTo } from '../../../navigation'
import { ChoiceButton } from '../../staff/shared/Field'
import { PointsMap } from '../PointsMap'
import { distanceWords } from '../words'
import { PointCard } from './PointCard'
import '../../staff/shared/desk.css'
import '../circle.css'

type Origin = { kind: 'household'; id: number } | { kind: 'position'; lat: number; lng: number }

/** WeChat gives GCJ-02 positions, as the points are stored; a browser's would be WGS-84, hundreds of metres off. */
const CAN_LOCATE = process.env.TARO_ENV === 'weapp'
/** The map needs WeChat's tiles; H5 here reaches no tile server, so it shows the list alone. */
const SHOW_MAP = process.env.TARO_ENV === 'weapp'

/**
 * 身边服务: the service points nearest the resident's home (its community's centre) or, when they ask for it,
 * their position right now; nearest first, with how far, open or not, and a button to call.
 */
export default function NearbyServicesPage() {
  const { state: meState, reload: reloadMe } = useMe('nearbyServices')
  const me = meState.data
  const homes = me?.residencies.map((r) => r.household) ?? []
  const [picked, setPicked] = useState<Origin | null>(null)
  const origin: Origin | null = picked ?? (homes[0] ? { kind: 'household', id: homes[0].id } : null)
  const [locating, setLocating] = useState(false)
  const [locationError, setLocationError] = useState<string>()
  const near = useResource(
    () =>
      call(routes.nearbyServicePoints, {
        query: origin!.kind === 'household' ? { householdId: origin!.id } : { lat: origin!.lat, lng: origin!.lng },
      }),
    { enabled: Boolean(me && origin), key: JSON.stringify(origin) },
  )
  usePullRefresh(near.reload)

  // Only on a tap: WeChat asks for privacy consent (PrivacyPrompt) and location permission before answering.
  const locate = async () => {
    setLocationError(undefined)
    setLocating(true)
    try {
      const at = await Taro.getLocation({ type: 'gcj02' })
      setPicked({ kind: 'position', lat: at.latitude, lng: at.longitude })
    } catch {
      setLocationError('没有拿到您的位置。可以在微信右上角“…”→“设置”里允许使用位置，或者按您家的住址查找。')
    } finally {
      setLocating(false)
    }
  }

  const originChoices = (
    <View className='setup-choice' id='circle-origins'>
      {homes.map((h) => (
        <ChoiceButton
          key={h.id}
          selected={origin?.kind === 'household' && origin.id === h.id}
          label={`从家出发：${householdLabel(h)}`}
          onClick={() => setPicked({ kind: 'household', id: h.id })}
        />
      ))}
      {CAN_LOCATE ? (
        <Button id='circle-locate' size='large' fill='outline' loading={locating} onClick={() => void locate()}>
          {origin?.kind === 'position' ? '✓ 用我现在的位置（点一下更新）' : '用我现在的位置'}
        </Button>
      ) : null}
    </View>
  )

  const data = near.state.data
  const list =
    !origin ? (
      <EmptyState
        title='还不知道您住在哪里'
        description={CAN_LOCATE ? '认证住户后，就能看到离家近的服务；也可以点上面的“用我现在的位置”。' : '认证住户后，就能看到离家近的服务点。'}
        action={
          <Button id='circle-claim' type='primary' size='large' onClick={() => goTo('claimHousehold')}>
            去认证住户
          </Button>
        }
      />
    ) : near.state.status === 'loading' && !data ? (
      <LoadingState />
    ) : near.state.status === 'error' && !data ? (
      <ErrorState error={near.state.error} onRetry={() => void near.reload()} />
    ) : !data || data.items.length === 0 ? (
      <EmptyState
        title={`${distanceWords(data?.radiusMeters ?? 3000)}内还没有登记的服务点`}
        description='可以问问居委会，附近有哪些老年食堂、卫生服务站和儿童之家。'
      />
    ) : (
      <View>
        <Text className='ll-secondary circle-origin' id='circle-origin'>
          {data.origin.source === 'household' ? `从${data.origin.communityName ?? '您家'}算起，` : '从您现在的位置算起，'}
          最近的在前面。距离按步行估算，实际路线可能稍远。
        </Text>
        {SHOW_MAP ? <PointsMap near={data} onPick={(id) => void Taro.pageScrollTo({ selector: `#point-${id}`, duration: 300 })} /> : null}
        {data.items.map((p) => (
          <PointCard key={p.id} point={p} />
        ))}
      </View>
    )

  return (
    <Page>
      <View className='ll-body'>
        {me ? originChoices : null}
        {locationError ? (
          <View className='setup-error' role='alert' id='circle-location-error'>
            <Text className='ll-text'>{locationError}</Text>
          </View>
        ) : null}
        {me ? list : meState.status === 'error' ? <ErrorState error={meState.error} onRetry={() => void reloadMe()} /> : <LoadingState />}
      </View>
    </Page>
  )
}
