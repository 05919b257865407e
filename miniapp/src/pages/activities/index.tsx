import { ComingSoon } from '../../components/ComingSoon'

export default function ActivitiesPage() {
  return (
    <ComingSoon
      title='社区活动'
      intro='活动报名正在建设中，很快就能用了。'
      features={[
        '看到本社区近期的活动：时间、地点、还剩几个名额',
        '点一下就报名，也可以替家里人报名',
        '名额满了可以候补，有人取消时会通知您',
        '活动当天扫码签到',
      ]}
    />
  )
}
