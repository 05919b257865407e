import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type ClaimStatus, type OrganisationApplication } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { formatDateTime } from '../../../lib/format'
import { DeskTable, Pager } from '../shared/DeskTable'
import { ChoiceButton, Field } from '../shared/Field'
import { Notice } from '../shared/Notice'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import '../shared/desk.css'

const PAGE_SIZE = 20
const STATUSES: { value: ClaimStatus; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已备案' },
  { value: 'rejected', label: '未通过' },
]

type Deciding = { kind: 'approve' | 'reject'; application: OrganisationApplication } | null

/** The committee (or street admin) reviews community groups' 备案 applications. */
export default function StaffOrgApplicationsPage() {
  const loggedIn = useRequireLogin('staffOrgApplications')
  const desk = useDeskLayout()
  const [status, setStatus] = useState<ClaimStatus>('pending')
  const [page, setPage] = useState(1)
  const { state, reload } = useResource(() => call(routes.listOrganisationApplications, { query: { status, page, pageSize: PAGE_SIZE } }), {
    enabled: loggedIn,
    key: `${status}:${page}`,
  })
  const [deciding, setDeciding] = useState<Deciding>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string>()
  const [notice, setNotice] = useState<{ kind: 'done' | 'error'; text: string } | null>(null)

  const decide = async () => {
    if (!deciding) return
    const { kind, application } = deciding
    if (kind === 'reject' && !reason.trim()) {
      setReasonError('请写明原因，申请人会看到它')
      throw new Error('reason required')
    }
    try {
      if (kind === 'approve') await call(routes.approveOrganisationApplication, { params: { id: application.id } })
      else await call(routes.rejectOrganisationApplication, { params: { id: application.id }, body: { reason: reason.trim() } })
      setNotice({ kind: 'done', text: kind === 'approve' ? `已通过，“${application.name}”已列入组织名录` : `已标记“${application.name}”为不通过，申请人会看到原因` })
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) })
    }
    await reload()
  }

  const open = (kind: 'approve' | 'reject', application: OrganisationApplication) => {
    setReason('')
    setReasonError(undefined)
    setDeciding({ kind, application })
  }

  const actions = (a: OrganisationApplication) =>
    a.status === 'pending' ? (
      <View className='setup-choice'>
        <Button id={`application-reject-${a.id}`} size='large' fill='outline' type='danger' onClick={() => open('reject', a)}>
          不通过
        </Button>
        <Button id={`application-approve-${a.id}`} size='large' type='primary' onClick={() => open('approve', a)}>
          通过
        </Button>
      </View>
    ) : (
      <Text>{a.status === 'rejected' ? `原因：${a.reason ?? ''}` : '已备案'}</Text>
    )

  const items = state.data?.items ?? []
  const body =
    state.status === 'loading' && !state.data ? (
      <LoadingState />
    ) : state.status === 'error' && !state.data ? (
      <ErrorState error={state.error} onRetry={() => void reload()} />
    ) : items.length === 0 ? (
      <EmptyState title='这里没有申请' description='居民在“我的”里提交备案申请后，会出现在这里。' />
    ) : desk ? (
      <DeskTable
        id='application-table'
        rows={items}
        rowKey={(a) => a.id}
        columns={[
          { key: 'name', title: '组织名称', width: 2, render: (a) => <Text>{a.name}</Text> },
          { key: 'community', title: '社区', render: (a) => <Text>{a.communityName}</Text> },
          { key: 'leader', title: '负责人', render: (a) => <Text>{a.leader}</Text> },
          { key: 'members', title: '人数', width: 0.6, render: (a) => <Text>{a.membersCount}</Text> },
          { key: 'what', title: '做什么 / 地点', width: 3, render: (a) => <Text>{`${a.activities}（${a.venue}）`}</Text> },
          { key: 'time', title: '提交时间', width: 1.5, render: (a) => <Text>{formatDateTime(a.createdAt)}</Text> },
          { key: 'actions', title: '处理', width: 2, render: actions },
        ]}
      />
    ) : (
      items.map((a) => (
        <View key={a.id} id={`application-${a.id}`} className='ll-card'>
          <Text className='ll-heading'>{a.name}</Text>
          <Text className='ll-text setup-line'>
            {a.communityName} · 负责人 {a.leader} · {a.membersCount} 人
          </Text>
          <Text className='ll-text setup-line'>做什么：{a.activities}</Text>
          <Text className='ll-text setup-line'>地点：{a.venue}</Text>
          <Text className='ll-secondary setup-line'>提交时间：{formatDateTime(a.createdAt)}</Text>
          {actions(a)}
        </View>
      ))
    )

  return (
    <Page>
      <StaffFrame current='staffOrgApplications'>
        <View className={desk ? 'll-body setup-desk' : 'll-body'}>
          <View className='setup-filters' id='application-status'>
            {STATUSES.map((s) => (
              <ChoiceButton key={s.value} selected={status === s.value} label={s.label} onClick={() => { setStatus(s.value); setPage(1) }} />
            ))}
          </View>
          <Notice id='application-notice' notice={notice} />
          {body}
          {state.data && state.data.total > PAGE_SIZE ? <Pager id='application-pager' page={page} pageSize={PAGE_SIZE} total={state.data.total} onPage={setPage} /> : null}
        </View>
        <ConfirmDialog
          visible={deciding !== null}
          title={deciding?.kind === 'approve' ? '通过这份备案申请？' : '不通过的原因'}
          text={deciding?.kind === 'approve' ? `通过后，“${deciding.application.name}”将作为社区社会组织（备案）列入名录，可以服务${deciding.application.communityName}。` : undefined}
          confirmId='application-decide-confirm'
          confirmText={deciding?.kind === 'approve' ? '确认通过' : '确认不通过'}
          cancelText='取消'
          danger={deciding?.kind === 'reject'}
          onConfirm={decide}
          onClose={() => setDeciding(null)}
        >
          {deciding?.kind === 'reject' ? (
            <View>
              <Field id='application-reason' label='原因（申请人会看到）' value={reason} maxLength={200} multiline onChange={(v) => { setReason(v); setReasonError(undefined) }} />
              {reasonError ? <Text className='ll-field-error'>{reasonError}</Text> : null}
            </View>
          ) : null}
        </ConfirmDialog>
      </StaffFrame>
    </Page>
  )
}
