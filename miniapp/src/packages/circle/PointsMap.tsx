import { Map } from '@tarojs/components'
import type { NearbyServicePoints } from '@linli/shared'

/** Where the nearest points are, over WeChat's own map tiles (weapp only: H5 here reaches no tile server). */
export function PointsMap({ near, onPick }: { near: NearbyServicePoints; onPick: (id: number) => void }) {
  return (
    <Map
      id='circle-map'
      className='circle-map'
      latitude={near.origin.lat}
      longitude={near.origin.lng}
      scale={15}
      showLocation={near.origin.source === 'position'}
      markers={near.items.map((p) => ({
        id: p.id,
        latitude: p.lat,
        longitude: p.lng,
        title: p.name,
        iconPath: '/packages/circle/marker.png',
        width: 30,
        height: 36,
      }))}
      onMarkerTap={(e) => onPick(Number(e.detail.markerId))}
      // Without tiles the list below still says everything; nothing to tell the resident.
      onError={() => undefined}
    />
  )
}
