import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { roleLabels, routes, staffToolsFor, type RoleGrant } from '@linli/shared'
import { call } from '../../api'
import { LinkCell } from '../../components/LinkCell'
import { Button } from '../../components/nutui'
import { Page } from '../../components/Page'
import { ResidencyCard } from '../../components/ResidencyCard'
import { StaffPhoneCard } from '../../components/StaffPhoneCard'
import { VolunteerHoursCard } from '../../components/VolunteerHoursCard'
import { ErrorState, LoadingState } from '../../components/States'
import { usePullRefresh } from '../../hooks/usePullRefresh'
import { useResource } from '../../hooks/useResource'
import { logout, useMe } from '../../hooks/useSession'
import { session } from '../../stores/session'
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

/** How many notices I have not read, fresh each time the tab shows (back from 消息 it drops); null until known. */
function useUnreadCount(): { count: number | null; reload: () => Promise<void> } {
  const { state, reload } = useResource(() => call(routes.myInbox, { query: { pageSize: 1 } }), { enabled: session.isLoggedIn() })
  useDidShow(() => {
    if (state.status !== 'loading') void reload()
  })
  return { count: state.data?.unreadCount ?? null, reload }
}

export default function MinePage() {
  const { state, reload } = useMe('mine')
  const unread = useUnreadCount()
  usePullRefresh(() => Promise.all([reload(), unread.reload()]))
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
        <LinkCell
          id='mine-nickname-edit'
          title='修改昵称'
          description={me.pendingNickname ? `新昵称“${me.pendingNickname}”正在等社区审核` : '别人在报名名单和署名投票里看到的名字'}
          onClick={() => goTo('editNickname')}
        />

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

        {staffToolsFor(me.grants).length ? (
          <LinkCell id='mine-staff-home' title='工作台' description='工作人员办事的地方：活动、认证、文章、人员等，按您的身份列出' onClick={() => goTo('staffHome')} />
        ) : null}
        <LinkCell id='mine-accept-invite' title='接受邀请' description='工作人员给了您邀请码，在这里输入' onClick={() => goTo('staffInvite')} />
        {me.isStaff ? <StaffPhoneCard me={me} onChange={() => void reload()} /> : null}

        <Text className='ll-section-title'>社区帮忙</Text>
        <LinkCell id='mine-ask-help' title='找社区帮忙' description='助餐、助洁、陪诊、维修……点一下就能告诉社区' onClick={() => goTo('askForHelp')} />
        <LinkCell id='mine-service-requests' title='我的求助' description='社区办到哪一步了，办好后确认和评价' onClick={() => goTo('myServiceRequests')} />
        <LinkCell id='mine-wishes' title='微心愿' description='认领困难邻居的小心愿' onClick={() => goTo('wishes')} />

        <Text className='ll-section-title'>活动</Text>
        <VolunteerHoursCard />
        <LinkCell id='mine-signups' title='我的报名' description='报过的活动、候补情况和签到码' onClick={() => goTo('mySignups')} />
        <LinkCell id='mine-nearby' title='身边服务' description='离家近的老年食堂、卫生服务站、儿童之家，开门时间和电话' onClick={() => goTo('nearbyServices')} />
        <LinkCell
          id='mine-inbox'
          title='消息'
          description='报名结果、候补空位、活动变动的通知'
          extra={
            unread.count ? (
              <View className='mine-unread'>
                <Text id='mine-unread-count' className='ll-chip ll-chip-pending'>
                  {unread.count > 99 ? '99+' : unread.count} 条新消息
                </Text>
                <Text>›</Text>
              </View>
            ) : undefined
          }
          onClick={() => goTo('inbox')}
        />

        <LinkCell id='mine-take-over' title='接手代办账号' description='社区替您或家人登记过账号，给了您接管码，在这里输入' onClick={() => goTo('takeOver')} />
        <LinkCell id='mine-org-apply' title='社区组织备案' description='兴趣小组、志愿队想在社区备案，在这里申请、看结果' onClick={() => goTo('orgApply')} />

        <Text className='ll-section-title'>设置</Text>
        <ElderModeSetting />

        <Text className='ll-section-title'>隐私</Text>
        {me.isStaff ? (
          <LinkCell id='mine-desk-sessions' title='已登录的电脑' description='用手机扫码登录过的电脑，不用了请退出' onClick={() => goTo('deskSessions')} />
        ) : null}
        <LinkCell id='mine-my-data' title='我的数据' description='导出我的数据，或注销账号' onClick={() => goTo('myData')} />
        <LinkCell id='mine-privacy' title='隐私说明' description='我们收集哪些信息、为什么收集' onClick={() => goTo('privacyPolicy')} />

        <Button id='logout' className='mine-logout' size='large' block fill='outline' onClick={logout}>
          退出登录
        </Button>
      </View>
    </Page>
  )
}
