import { ComingSoon } from '../../components/ComingSoon'

export default function ConsultPage() {
  return (
    <ComingSoon
      title='议事投票'
      intro='社区议事和投票正在建设中，很快就能用了。'
      features={[
        '看到居委会发起的议题和背景说明',
        '认证住户后，在手机上投票，每户或每人一票',
        '投票结束后查看结果公示和参与人数',
      ]}
    />
  )
}
