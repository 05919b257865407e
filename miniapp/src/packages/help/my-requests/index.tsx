import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { routes, type ServiceRequest, type ServiceRequestView } from '@linli/shared'
import { call } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { EmptyState } from '../../../components/States'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { goTo } from '../../../navigation'
import { ChoiceButton, Field } from '../../staff/shared/Field'
import { Notice } from '../../staff/shared/Notice'
import { PageListBody } from '../PageListBody'
import { RequestCard } from '../RequestCard'
import { StepButton } from '../StepButton'
import { useNoticeAction } from '../useNoticeAction'
import '../../staff/shared/desk.css'
import '../help.css'

type Dialog = { kind: 'confirm' | 'cancel' | 'done'; request: ServiceRequest } | null

const DIALOG_TITLES = { confirm: '服务办好了吗？', cancel: '取消这条求助？', done: '办好了吗？' } as const

/**
 * 我的求助: where each of my requests stands, in words; confirm and rate when it is done, or cancel before it
 * starts. A volunteer also sees what was given to them (派给我的) and takes it on or marks it done here.
 */
export default function MyServiceRequestsPage() {
  const loggedIn = useRequireLogin('myServiceRequests')
  const [view, setView] = useState<ServiceRequestView>(useRouter().params.view === 'assigned' ? 'assigned' : 'mine')
  const list = useResource(() => call(routes.listServiceRequests, { query: { view, pageSize: 50 } }), { enabled: loggedIn, key: view })
  usePullRefresh(list.reload)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [rating, setRating] = useState(5)
  const [text, setText] = useState('')
  const { notice, act } = useNoticeAction(list.reload)

  const open = (kind: 'confirm' | 'cancel' | 'done', request: ServiceRequest) => {
    setRating(5)
    setText('')
    setDialog({ kind, request })
  }

  const decide = async () => {
    if (!dialog) return
    const params = { id: dialog.request.id }
    if (dialog.kind === 'confirm') {
      await act(() => call(routes.confirmServiceRequest, { params, body: { rating, comment: text.trim() } }), '谢谢您的评价')
    } else if (dialog.kind === 'cancel') {
      await act(() => call(routes.cancelServiceRequest, { params }), '已取消这条求助')
    } else {
      await act(() => call(routes.finishServiceRequest, { params, body: { note: text.trim() || '已办好' } }), '已告诉居民办好了，等居民确认')
    }
  }

  const buttons = (r: ServiceRequest) => (
    <View className='help-actions'>
      <StepButton request={r} step='confirm' label='确认办好并评价' onClick={() => open('confirm', r)} />
      <StepButton request={r} step='start' label='接单' onClick={() => void act(() => call(routes.startServiceRequest, { params: { id: r.id } }), '已接单，居民会收到通知')} />
      <StepButton request={r} step='done' label='已办好' onClick={() => open('done', r)} />
      <StepButton request={r} step='cancel' label='取消求助' danger onClick={() => open('cancel', r)} />
    </View>
  )

  return (
    <Page
      footer={
        view === 'mine' ? (
          <Button id='mine-ask' size='large' type='primary' block onClick={() => goTo('askForHelp')}>
            找社区帮忙
          </Button>
        ) : undefined
      }
    >
      <View className='ll-body'>
        <View className='setup-filters' id='request-views'>
          <ChoiceButton selected={view === 'mine'} label='我的求助' onClick={() => setView('mine')} />
          <ChoiceButton selected={view === 'assigned'} label='派给我的' onClick={() => setView('assigned')} />
        </View>
        <Notice id='request-notice' notice={notice} />
        <PageListBody
          list={list}
          empty={
            view === 'mine' ? (
              <EmptyState title='还没有求助' description='需要助餐、陪诊、维修这些帮助时，点下面的“找社区帮忙”。' />
            ) : (
              <EmptyState title='没有派给您的求助' description='社区把居民的求助派给您后，会出现在这里，也会发消息告诉您。' />
            )
          }
        >
          {(items) => (
            <>
              {items.map((r) => (
                <RequestCard key={r.id} request={r}>
                  {buttons(r)}
                </RequestCard>
              ))}
            </>
          )}
        </PageListBody>
      </View>
      <ConfirmDialog
        visible={dialog !== null}
        title={dialog ? DIALOG_TITLES[dialog.kind] : ''}
        text={dialog?.kind === 'cancel' ? '取消后社区就不再安排了，需要时可以重新求助。' : undefined}
        confirmId='request-dialog-confirm'
        confirmText={dialog?.kind === 'confirm' ? '确认办好了' : dialog?.kind === 'cancel' ? '确认取消' : '告诉居民办好了'}
        cancelText='先不了'
        danger={dialog?.kind === 'cancel'}
        onConfirm={decide}
        onClose={() => setDialog(null)}
      >
        {dialog?.kind === 'confirm' ? (
          <View>
            <Text className='ll-text'>给这次服务打个分：</Text>
            <View className='help-rating' id='request-rating'>
              {[1, 2, 3, 4, 5].map((n) => (
                <ChoiceButton key={n} selected={rating === n} label={`${n}分`} onClick={() => setRating(n)} />
              ))}
            </View>
            <Field id='request-comment' label='想说的话（可以不填）' value={text} maxLength={300} multiline onChange={setText} />
          </View>
        ) : dialog?.kind === 'done' ? (
          <Field id='request-note' label='做了什么（居民会看到）' value={text} maxLength={300} multiline onChange={setText} />
        ) : null}
      </ConfirmDialog>
    </Page>
  )
}
