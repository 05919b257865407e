import { Text, View } from '@tarojs/components'
import { roleLabels, type RoleGrant } from '@linli/shared'
import { LinkCell } from '../../components/LinkCell'
import { Button } from '../../components/nutui'
import { Page } from '../../components/Page'
import { ResidencyCard } from '../../components/ResidencyCard'
import { ErrorState, LoadingState } from '../../components/States'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { logout, useMe } from '../../hooks/useSession'
import { goTo } from '../../navigation'
import { setElderMode, useDisplay } from '../../stores/display'
import './index.css'

function grantLabel(grant: RoleGrant): string {
  return grant.scope.name ? `${roleLabels[grant.role]} · ${grant.scope.name}` : roleLabels[grant.role]
}

/** A word and a button rather than a small switch: easier to read, to hit and to understand. */
function ElderModeSetting() {
  const { elderMode } = useDisplay()
  return (
    <View id='elder-mode' className='ll-card'>
      <View className='ll-card-row'>
        <Text className='ll-heading'>大字模式</Text>
        <Text className={elderMode ? 'll-chip ll-chip-approved' : 'll-chip'}>{elderMode ? '✓ 已打开' : '已关闭'}</Text>
      </View>
      <Text className='ll-secondary'>字更大，按钮更高，看得更清楚。</Text>
      <Button id='elder-mode-toggle' className='mine-elder-toggle' size='large' block fill='outline' onClick={() => setElderMode(!elderMode)}>
        {elderMode ? '关闭大字模式' : '打开大字模式'}
      </Button>
    </View>
  )
}

export default function MinePage() {
  const { state, reload } = useMe('mine')
  usePullRefresh(reload)
  const me = state.data

  if (!me) {
    return (
      <Page>
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState />}
        <View className='ll-body'>
          <ElderModeSetting />
        </View>
      </Page>
    )
  }

  return (
    <Page>
      <View className='ll-body'>
        <View className='ll-card mine-profile'>
          <Text className='ll-title' id='mine-nickname'>
            {me.nickname}
          </Text>
          <Text className='ll-secondary'>{me.verified ? '认证居民' : '还没有认证住户'}</Text>
        </View>

        <ResidencyCard me={me} id='residency-status' />

        <Text className='ll-section-title'>我的身份</Text>
        <View className='ll-card' id='mine-grants'>
          {me.grants.length ? (
            me.grants.map((grant) => (
              <Text className='ll-text mine-grant' key={grant.id}>
                {grantLabel(grant)}
              </Text>
            ))
          ) : (
            <Text className='ll-text'>居民</Text>
          )}
        </View>

        <Text className='ll-section-title'>活动</Text>
        <LinkCell id='mine-signups' title='我的报名' description='报过的活动、候补情况和签到码' onClick={() => goTo('mySignups')} />
        <LinkCell id='mine-inbox' title='消息' description='报名结果、候补空位、活动变动的通知' onClick={() => goTo('inbox')} />

        {me.isStaff ? (
          <LinkCell id='staff-entry' title='审核住户认证' description='居民提交的住户认证，在这里通过或不通过' onClick={() => goTo('staffClaims')} />
        ) : null}

        <Text className='ll-section-title'>设置</Text>
        <ElderModeSetting />

        <Button id='logout' className='mine-logout' size='large' block fill='outline' onClick={logout}>
          退出登录
        </Button>
      </View>
    </Page>
  )
}
