import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, staffToolsFor, type ActivityDetail } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { LinkCell } from '../../../components/LinkCell'
import { TextArea } from '../../../components/nutui'
import { goTo } from '../../../navigation'
import { useCachedMe } from '../../../stores/session'
import { exportSignups } from './exportSignups'

/** What staff who run this activity can do from its page. */
export function StaffPanel({ activity, onChanged }: { activity: ActivityDetail; onChanged: (next: ActivityDetail) => void }) {
  // 代办 is the committee's (and street admin's): organisers who manage the activity but not residents see no entry.
  const assists = staffToolsFor(useCachedMe()?.grants ?? []).some((tool) => tool.key === 'managed')
  const [dialog, setDialog] = useState<'publish' | 'cancel' | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string>()
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string }>()
  const [exporting, setExporting] = useState(false)
  const live = activity.status !== 'cancelled' && activity.seatState !== 'ended'

  const doExport = async () => {
    if (exporting) return
    setExporting(true)
    setMessage(undefined)
    try {
      await exportSignups(activity.id, activity.title)
      setMessage({ kind: 'done', text: '名单已导出' })
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) })
    } finally {
      setExporting(false)
    }
  }

  const publish = async () => {
    try {
      onChanged(await call(routes.publishActivity, { params: { id: activity.id } }))
      setMessage({ kind: 'done', text: '已发布，居民现在可以看到并报名了' })
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) })
    }
  }

  const cancel = async () => {
    const trimmed = reason.trim()
    if (!trimmed) {
      setReasonError('请写明取消的原因，报名的居民会收到')
      throw new Error('reason required')
    }
    try {
      onChanged(await call(routes.cancelActivity, { params: { id: activity.id }, body: { reason: trimmed } }))
      setMessage({ kind: 'done', text: '活动已取消，已报名的居民会收到通知' })
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) })
    }
  }

  return (
    <View id='activity-staff' className='detail-staff'>
      <Text className='ll-section-title'>工作人员</Text>
      {message ? (
        <View id='staff-message' className={`ll-notice ${message.kind === 'error' ? 'll-notice-error' : 'll-notice-done'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <Text className='ll-text'>{message.text}</Text>
        </View>
      ) : null}
      {activity.status === 'draft' ? (
        <LinkCell id='activity-publish' title='发布活动' description='发布后居民就能看到并报名' onClick={() => setDialog('publish')} />
      ) : null}
      {activity.status === 'published' ? (
        <LinkCell id='activity-checkin-qr' title='签到码' description='在活动现场出示，居民扫码签到；也可以扫居民的码' onClick={() => goTo('activityCheckin', { id: activity.id })} />
      ) : null}
      <LinkCell id='activity-attendees' title='报名名单' description={`已报 ${activity.seatsTaken} / ${activity.seats} 个名额，候补 ${activity.waitlistCount} 人`} onClick={() => goTo('attendees', { id: activity.id })} />
      {activity.status === 'published' && assists ? (
        <LinkCell
          id='activity-assist'
          title='为居民代报名'
          description='替没有智能手机的居民报名这个活动'
          onClick={() => goTo('staffManaged', { activityId: activity.id })}
        />
      ) : null}
      <LinkCell id='activity-export' title={exporting ? '正在导出…' : '导出名单（Excel）'} description='下载报名名单表格' onClick={doExport} />
      {live ? <LinkCell id='activity-edit' title='修改活动' description='改动会通知已报名的居民' onClick={() => goTo('activityForm', { id: activity.id })} /> : null}
      {live ? <LinkCell id='activity-cancel' title='取消活动' description='会通知所有已报名的居民' onClick={() => setDialog('cancel')} /> : null}

      <ConfirmDialog
        visible={dialog === 'publish'}
        title='发布这个活动？'
        text='发布后，居民就能在“活动”里看到它并报名。'
        confirmId='activity-publish-confirm'
        confirmText='确认发布'
        onConfirm={publish}
        onClose={() => setDialog(null)}
      />
      <ConfirmDialog
        visible={dialog === 'cancel'}
        title='取消这个活动？'
        text='取消后不能恢复，所有报名和候补的居民都会收到通知和您写的原因。'
        confirmId='activity-cancel-confirm'
        confirmText='确认取消活动'
        cancelText='不取消'
        danger
        onConfirm={cancel}
        onClose={() => {
          setDialog(null)
          setReasonError(undefined)
        }}
      >
        <View className='ll-input-wrap detail-input'>
          <TextArea
            id='cancel-reason'
            value={reason}
            placeholder='取消的原因，比如：天气原因，改期另行通知'
            maxLength={200}
            rows={3}
            onChange={(v) => {
              setReason(v)
              setReasonError(undefined)
            }}
          />
        </View>
        {reasonError ? <Text className='ll-field-error'>{reasonError}</Text> : null}
      </ConfirmDialog>
    </View>
  )
}
