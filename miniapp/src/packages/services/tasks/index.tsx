import { Text, View } from '@tarojs/components'
import { routes, type ServiceTask } from '@linli/shared'
import { call } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { goTo } from '../../../navigation'
import { DeskTable } from '../../staff/shared/DeskTable'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import { dueText } from '../shared/servicesView'
import '../../staff/shared/desk.css'
import '../shared/services.css'

/** 我的任务: who is due or overdue for a visit under their tier, nearest due first, one tap to log the visit. */
export default function ServiceTasksPage() {
  const me = useMe('serviceTasks').state.data
  const desk = useDeskLayout()
  const tasks = useResource(() => call(routes.myServiceTasks, { query: { withinDays: 7 } }), { enabled: Boolean(me) })
  const log = (t: ServiceTask) => goTo('serviceLog', { itemId: t.item.id, beneficiaryId: t.beneficiaryId })
  const due = (t: ServiceTask) => <Text className={t.daysLeft < 0 ? 'll-text svc-overdue' : 'll-text'}>{dueText(t.daysLeft)}</Text>
  const logButton = (t: ServiceTask) => (
    <Button id={`task-log-${t.beneficiaryId}`} size='large' type='primary' onClick={() => log(t)}>
      记录探访
    </Button>
  )
  const rows = tasks.state.data?.items ?? []
  const content =
    tasks.state.status === 'error' && !tasks.state.data ? (
      <ErrorState error={tasks.state.error} onRetry={() => void tasks.reload()} />
    ) : !tasks.state.data ? (
      <LoadingState />
    ) : rows.length === 0 ? (
      <EmptyState title='这一周没有到期的探访' description='名册里的人按分级的探访周期到期时，会出现在这里。' />
    ) : desk ? (
      <DeskTable
        id='task-table'
        rows={rows}
        rowKey={(t) => t.beneficiaryId}
        columns={[
          { key: 'due', title: '到期', render: due },
          { key: 'name', title: '服务对象', render: (t) => <Text>{t.name}</Text> },
          { key: 'household', title: '住户', render: (t) => <Text>{t.household ?? '—'}</Text> },
          { key: 'tier', title: '分级', render: (t) => <Text>{t.tier}</Text> },
          { key: 'item', title: '服务项目', width: 1.5, render: (t) => <Text>{t.item.name}</Text> },
          { key: 'last', title: '上次探访', render: (t) => <Text>{t.lastServedOn ?? '还没有'}</Text> },
          { key: 'actions', title: '操作', render: logButton },
        ]}
      />
    ) : (
      rows.map((t) => (
        <View key={t.beneficiaryId} id={`task-${t.beneficiaryId}`} className='ll-card'>
          <View className='ll-card-row'>
            <Text className='ll-heading'>{t.name}</Text>
            {due(t)}
          </View>
          <Text className='ll-text'>
            {t.tier} · {t.household ?? '未登记住户'} · {t.item.name}
          </Text>
          <Text className='ll-secondary'>上次探访：{t.lastServedOn ?? '还没有'}</Text>
          {logButton(t)}
        </View>
      ))
    )
  return (
    <Page>
      <StaffFrame current='serviceContracts'>
        <View className={desk ? 'll-body svc-desk' : 'll-body'}>{content}</View>
      </StaffFrame>
    </Page>
  )
}
