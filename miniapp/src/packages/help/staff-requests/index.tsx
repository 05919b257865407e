import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, serviceCategoryLabels, serviceRequestStateLabels, type AssignServiceRequest, type ServiceCategory, type ServiceRequest, type ServiceRequestQuery } from '@linli/shared'
import { call } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { DeskTable, Pager } from '../../staff/shared/DeskTable'
import { ChoiceButton, Field } from '../../staff/shared/Field'
import { Notice } from '../../staff/shared/Notice'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import { RequestCard } from '../RequestCard'
import { StepButton } from '../StepButton'
import { ageText, assigneeText, stateChip } from '../request-words'
import { useNoticeAction } from '../useNoticeAction'
import { AssignDialog } from './AssignDialog'
import '../../staff/shared/desk.css'
import '../help.css'

const PAGE_SIZE = 20
type StateFilter = NonNullable<ServiceRequestQuery['state']>
const STATES: { value: StateFilter; label: string }[] = [
  { value: 'open', label: '没办完的' },
  { value: 'submitted', label: '待受理' },
  { value: 'accepted', label: '待派单' },
  { value: 'done', label: '待居民确认' },
  { value: 'confirmed', label: '已完成' },
  { value: 'declined', label: '办不了的' },
  { value: 'cancelled', label: '已取消' },
]
const CATEGORIES = Object.entries(serviceCategoryLabels) as [ServiceCategory, string][]

/**
 * Staff: residents' requests of my communities, oldest waiting flagged past the response time. Accept or
 * decline, assign, and (when assigned to me) take on and finish, from the card or the desk table.
 */
export default function StaffServiceRequestsPage() {
  const me = useMe('staffServiceRequests')
  const desk = useDeskLayout()
  const [state, setState] = useState<StateFilter>('open')
  const [category, setCategory] = useState<ServiceCategory>()
  const [overdue, setOverdue] = useState(false)
  const [page, setPage] = useState(1)
  const list = useResource(
    () => call(routes.listServiceRequests, { query: { view: 'community', state, category, overdue: overdue ? 'true' : undefined, page, pageSize: PAGE_SIZE } }),
    { enabled: me.state.data !== undefined, key: `${state}:${category ?? ''}:${overdue}:${page}` },
  )
  usePullRefresh(list.reload)
  const [declining, setDeclining] = useState<ServiceRequest | null>(null)
  const [assigning, setAssigning] = useState<ServiceRequest | null>(null)
  const [finishing, setFinishing] = useState<ServiceRequest | null>(null)
  const [text, setText] = useState('')
  const [textError, setTextError] = useState<string>()
  const { notice, act } = useNoticeAction(list.reload)
  const needText = (message: string) => {
    if (text.trim()) return text.trim()
    setTextError(message)
    throw new Error(message)
  }
  const openWithText = (set: (r: ServiceRequest) => void, r: ServiceRequest) => {
    setText('')
    setTextError(undefined)
    set(r)
  }
  const filter = (apply: () => void) => {
    apply()
    setPage(1)
  }

  const buttons = (r: ServiceRequest) => (
    <View className='help-actions'>
      <StepButton request={r} step='accept' label='受理' onClick={() => void act(() => call(routes.acceptServiceRequest, { params: { id: r.id } }), '已受理，居民会收到通知')} />
      <StepButton request={r} step='decline' label='办不了' danger onClick={() => openWithText(setDeclining, r)} />
      <StepButton request={r} step='assign' label='派单' onClick={() => setAssigning(r)} />
      <StepButton request={r} step='start' label='接单' onClick={() => void act(() => call(routes.startServiceRequest, { params: { id: r.id } }), '已接单，居民会收到通知')} />
      <StepButton request={r} step='done' label='已办好' onClick={() => openWithText(setFinishing, r)} />
    </View>
  )

  const items = list.state.data?.items ?? []
  const body =
    list.state.status === 'loading' && !list.state.data ? (
      <LoadingState />
    ) : list.state.status === 'error' && !list.state.data ? (
      <ErrorState error={list.state.error} onRetry={() => void list.reload()} />
    ) : items.length === 0 ? (
      <EmptyState title='这里没有求助' description='居民在“找社区帮忙”里提交的求助，或您接电话录入的，会出现在这里。' />
    ) : desk ? (
      <DeskTable
        id='request-table'
        rows={items}
        rowKey={(r) => r.id}
        columns={[
          { key: 'category', title: '类别', width: 1, render: (r) => <Text>{serviceCategoryLabels[r.category]}</Text> },
          { key: 'details', title: '需要什么', width: 2.5, render: (r) => <Text>{r.details}</Text> },
          { key: 'household', title: '住户', width: 1.6, render: (r) => <Text>{`${r.communityName} ${r.householdLabel}`}</Text> },
          {
            key: 'state',
            title: '进度',
            width: 2,
            render: (r) => (
              <View>
                <Text className={stateChip(r.state).className}>{serviceRequestStateLabels[r.state]}</Text>
                {r.overdue ? <Text className='ll-chip help-overdue'>超时未受理</Text> : null}
              </View>
            ),
          },
          { key: 'age', title: '已等', width: 1, render: (r) => <Text>{ageText(r.ageMinutes)}</Text> },
          { key: 'assignee', title: '服务人员', width: 1.2, render: (r) => <Text>{assigneeText(r) ?? '—'}</Text> },
          { key: 'actions', title: '处理', width: 2, render: buttons },
        ]}
      />
    ) : (
      items.map((r) => (
        <RequestCard key={r.id} request={r} staff>
          {buttons(r)}
        </RequestCard>
      ))
    )

  return (
    <Page>
      <StaffFrame current='staffServiceRequests'>
        <View className={desk ? 'll-body setup-desk' : 'll-body'}>
          <View className='setup-filters' id='request-state-filter'>
            {STATES.map((s) => (
              <ChoiceButton key={s.value} selected={state === s.value} label={s.label} onClick={() => filter(() => setState(s.value))} />
            ))}
            <ChoiceButton selected={overdue} label='只看超时的' onClick={() => filter(() => setOverdue(!overdue))} />
          </View>
          <View className='setup-filters' id='request-category-filter'>
            <ChoiceButton selected={category === undefined} label='全部类别' onClick={() => filter(() => setCategory(undefined))} />
            {CATEGORIES.map(([value, label]) => (
              <ChoiceButton key={value} selected={category === value} label={label} onClick={() => filter(() => setCategory(value))} />
            ))}
          </View>
          {list.state.data ? (
            <Text className='ll-secondary setup-line'>提交后超过 {list.state.data.responseHours} 小时还没受理的，标为“超时未受理”。</Text>
          ) : null}
          <Notice id='request-notice' notice={notice} />
          {body}
          {list.state.data && list.state.data.total > PAGE_SIZE ? (
            <Pager id='request-pager' page={page} pageSize={PAGE_SIZE} total={list.state.data.total} onPage={setPage} />
          ) : null}
        </View>
        <ConfirmDialog
          visible={declining !== null}
          title='办不了的原因'
          confirmId='decline-confirm'
          confirmText='告诉居民'
          cancelText='取消'
          danger
          onConfirm={() => {
            const reason = needText('请写明原因，居民会看到它')
            return act(() => call(routes.declineServiceRequest, { params: { id: declining!.id }, body: { reason } }), '已告诉居民原因')
          }}
          onClose={() => setDeclining(null)}
        >
          <Field id='decline-reason' label='原因（居民会看到，最好说说可以找谁）' value={text} maxLength={200} multiline onChange={(v) => { setText(v); setTextError(undefined) }} />
          {textError ? <Text className='ll-field-error'>{textError}</Text> : null}
        </ConfirmDialog>
        <ConfirmDialog
          visible={finishing !== null}
          title='办好了吗？'
          confirmId='done-confirm'
          confirmText='告诉居民办好了'
          cancelText='取消'
          onConfirm={() => {
            const note = needText('请写一句做了什么，居民会看到')
            return act(() => call(routes.finishServiceRequest, { params: { id: finishing!.id }, body: { note } }), '已告诉居民，等居民确认')
          }}
          onClose={() => setFinishing(null)}
        >
          <Field id='done-note' label='做了什么（居民会看到）' value={text} maxLength={300} multiline onChange={(v) => { setText(v); setTextError(undefined) }} />
          {textError ? <Text className='ll-field-error'>{textError}</Text> : null}
        </ConfirmDialog>
        <AssignDialog
          request={assigning}
          myId={me.state.data?.id ?? 0}
          onAssign={(to: AssignServiceRequest) => act(() => call(routes.assignServiceRequest, { params: { id: assigning!.id }, body: to }), '已派单，居民和服务人员都会收到通知')}
          onClose={() => setAssigning(null)}
        />
      </StaffFrame>
    </Page>
  )
}
