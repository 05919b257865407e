import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type ClaimStatus, type ResidencyClaim } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button, Dialog, TabPane, Tabs, TextArea } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { PagedListBody } from '../../../components/States'
import { StatusChip } from '../../../components/StatusChip'
import { usePagedList } from '../../../hooks/usePagedList'
import { usePagedListGestures } from '../../../hooks/usePullRefresh'
import { useRequireLogin } from '../../../hooks/useSession'
import { formatDateTime, householdLabel } from '../../../lib/format'
import './index.css'

const PAGE_SIZE = 10
const FILTERS: { status: ClaimStatus; title: string; empty: string; emptyHint: string }[] = [
  { status: 'pending', title: '待审核', empty: '没有待审核的申请', emptyHint: '居民提交住户认证后，会出现在这里。' },
  { status: 'approved', title: '已通过', empty: '还没有通过的申请', emptyHint: '您通过的申请会出现在这里。' },
  { status: 'rejected', title: '未通过', empty: '还没有不通过的申请', emptyHint: '标记为“不通过”的申请会出现在这里。' },
]
const QUICK_REASONS = ['房号与登记不符', '姓名与登记不符', '无法核实，请本人到居委会办理']

type Pending = { kind: 'approve' | 'reject'; claim: ResidencyClaim } | null

interface Feedback {
  kind: 'done' | 'error'
  text: string
}

function ClaimCard({
  claim,
  feedback,
  onApprove,
  onReject,
}: {
  claim: ResidencyClaim
  feedback?: Feedback
  onApprove: () => void
  onReject: () => void
}) {
  return (
    <View id={`claim-${claim.id}`} className='ll-card staff-claim'>
      <View className='ll-card-row'>
        <Text className='ll-heading'>{claim.claimant.nickname}</Text>
        <StatusChip status={claim.status} />
      </View>
      <Text className='ll-text staff-claim-line'>真实姓名：{claim.realName}</Text>
      <Text className='ll-text staff-claim-line'>住户：{householdLabel(claim.household)}</Text>
      <Text className='ll-secondary'>申请时间：{formatDateTime(claim.createdAt)}</Text>
      {claim.status !== 'pending' && claim.decidedAt ? (
        <Text className='ll-secondary'>
          处理时间：{formatDateTime(claim.decidedAt)}
          {claim.decidedBy === 'census' ? '（按社区登记名单自动通过）' : ''}
        </Text>
      ) : null}
      {claim.status === 'rejected' && claim.reason ? <Text className='ll-text'>原因：{claim.reason}</Text> : null}
      {feedback ? (
        <View className={feedback.kind === 'error' ? 'staff-claim-error' : 'staff-claim-done'} role={feedback.kind === 'error' ? 'alert' : 'status'}>
          <Text className='ll-text'>{feedback.text}</Text>
        </View>
      ) : null}
      {claim.status === 'pending' ? (
        <View className='ll-button-row'>
          <Button className='staff-reject' size='large' fill='outline' type='danger' onClick={onReject}>
            不通过
          </Button>
          <Button className='staff-approve' size='large' type='primary' onClick={onApprove}>
            通过
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function StaffClaimsPage() {
  const loggedIn = useRequireLogin('staffClaims')
  const [status, setStatus] = useState<ClaimStatus>('pending')
  const filter = FILTERS.find((f) => f.status === status) ?? FILTERS[0]
  const list = usePagedList(
    (page) => call(routes.listResidencyClaims, { query: { status, page, pageSize: PAGE_SIZE } }),
    loggedIn ? status : 'logged-out',
  )
  const [feedback, setFeedback] = useState<Record<number, Feedback>>({})
  const [pending, setPending] = useState<Pending>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string>()

  usePagedListGestures(list)

  const open = (kind: 'approve' | 'reject', claim: ResidencyClaim) => {
    setReason('')
    setReasonError(undefined)
    setPending({ kind, claim })
  }

  const decide = async () => {
    if (!pending) return
    const { kind, claim } = pending
    const trimmed = reason.trim()
    if (kind === 'reject' && !trimmed) {
      setReasonError('请写明原因，居民会看到它')
      // Keeps the dialog open.
      throw new Error('reason required')
    }
    try {
      const decided =
        kind === 'approve'
          ? await call(routes.approveResidencyClaim, { params: { id: claim.id } })
          : await call(routes.rejectResidencyClaim, { params: { id: claim.id }, body: { reason: trimmed } })
      list.updateItem((item) => item.id === claim.id, decided)
      const text = kind === 'approve' ? `已通过，${decided.realName}现在是认证居民了` : '已标记为不通过，居民会看到您写的原因'
      setFeedback((prev) => ({ ...prev, [claim.id]: { kind: 'done', text } }))
    } catch (error) {
      setFeedback((prev) => ({ ...prev, [claim.id]: { kind: 'error', text: messageOf(error) } }))
    }
  }


  return (
    <Page>
      <StaffFrame current='staffClaims'>
        <Tabs
          value={status}
          onChange={(value) => setStatus(value as ClaimStatus)}
          activeType='line'
          align='left'
          autoHeight
        >
          {FILTERS.map((f) => (
            <TabPane key={f.status} title={f.title} value={f.status} />
          ))}
        </Tabs>
        <View className='ll-body'>
          <PagedListBody list={list} id='staff-claim-list' loadMoreId='staff-load-more' empty={{ title: filter.empty, description: filter.emptyHint, refresh: true }}>
            <Text className='ll-secondary staff-total'>
              共 {list.total} 条{filter.title}
            </Text>
            {list.items.map((claim) => (
              <ClaimCard key={claim.id} claim={claim} feedback={feedback[claim.id]} onApprove={() => open('approve', claim)} onReject={() => open('reject', claim)} />
            ))}
          </PagedListBody>
        </View>

        <Dialog
          visible={pending !== null}
          title={pending?.kind === 'approve' ? '确认通过？' : '不通过的原因'}
          confirmText={pending?.kind === 'approve' ? '确认通过' : '确认不通过'}
          cancelText='取消'
          onConfirm={decide}
          onCancel={() => setPending(null)}
          onClose={() => setPending(null)}
        >
          {pending?.kind === 'approve' ? (
            <Text className='ll-text'>
              通过后，{pending.claim.realName}将成为 {householdLabel(pending.claim.household)} 的认证居民。
            </Text>
          ) : pending ? (
            <View className='staff-reason'>
              <Text className='ll-secondary'>{pending.claim.realName}会看到这个原因。可以点下面的常用原因：</Text>
              <View className='staff-quick-reasons'>
                {QUICK_REASONS.map((text) => (
                  <Button key={text} size='large' fill='outline' className='staff-quick-reason' onClick={() => setReason(text)}>
                    {text}
                  </Button>
                ))}
              </View>
              <View className='ll-input-wrap'>
                <TextArea
                  id='reject-reason'
                  value={reason}
                  placeholder='或者在这里写原因'
                  maxLength={200}
                  rows={3}
                  onChange={(value) => {
                    setReason(value)
                    if (reasonError) setReasonError(undefined)
                  }}
                />
              </View>
              {reasonError ? <Text className='ll-field-error'>{reasonError}</Text> : null}
            </View>
          ) : null}
        </Dialog>
      </StaffFrame>
    </Page>
  )
}
