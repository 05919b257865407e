import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type Wish } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { ChoiceButton, Field } from '../../staff/shared/Field'
import { Notice, type NoticeText } from '../../staff/shared/Notice'
import { WishCard } from '../WishCard'
import '../../staff/shared/desk.css'
import '../help.css'

const EMPTY = { beneficiaryName: '', title: '', story: '' }

/**
 * Staff after a home visit: enter a wish (published at once, the person masked to residents), and confirm the
 * ones whose gift has been handed over.
 */
export default function WishFormPage() {
  const me = useMe('wishForm')
  const communities = useResource(() => call(routes.communities), { enabled: me.state.data !== undefined })
  const wishes = useResource(() => call(routes.listWishes, { query: { view: 'staff', pageSize: 50 } }), { enabled: me.state.data !== undefined })
  const [communityId, setCommunityId] = useState<number>()
  const [form, setForm] = useState(EMPTY)
  const [notice, setNotice] = useState<NoticeText | null>(null)

  const grants = me.state.data?.grants ?? []
  const streetIds = new Set(grants.filter((g) => g.role === 'street_admin').map((g) => g.scope.id))
  const mine = (communities.state.data?.items ?? []).filter(
    (c) => grants.some((g) => g.role === 'committee_staff' && g.scope.id === c.id) || streetIds.has(c.street.id),
  )
  const chosen = communityId ?? (mine.length === 1 ? mine[0].id : undefined)

  const submit = async () => {
    setNotice(null)
    if (!chosen) return setNotice({ kind: 'error', text: '请先选择社区' })
    try {
      const created = await call(routes.createWish, { body: { communityId: chosen, ...form } })
      setNotice({ kind: 'done', text: `已发布“${created.title}”，居民看到的是“${created.beneficiary}”` })
      setForm(EMPTY)
      await wishes.reload()
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) })
    }
  }

  const confirm = async (w: Wish) => {
    try {
      await call(routes.confirmWish, { params: { id: w.id } })
      setNotice({ kind: 'done', text: `“${w.title}”已实现，认领人会收到感谢` })
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) })
    }
    await wishes.reload()
  }

  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }))
  const items = wishes.state.data?.items ?? []
  return (
    <Page>
      <StaffFrame current='wishForm'>
        <View className='ll-body'>
          <Text className='ll-section-title'>录入心愿</Text>
          <View className='ll-card'>
            {mine.length > 1 ? (
              <View className='setup-field' id='wish-community'>
                <Text className='ll-text setup-field-label'>社区</Text>
                <View className='setup-choice'>
                  {mine.map((c) => (
                    <ChoiceButton key={c.id} selected={chosen === c.id} label={c.name} onClick={() => setCommunityId(c.id)} />
                  ))}
                </View>
              </View>
            ) : null}
            <Field id='wish-name' label='心愿人姓名（居民只看到姓，如“张*”）' value={form.beneficiaryName} maxLength={32} onChange={(v) => set({ beneficiaryName: v })} />
            <Field id='wish-title' label='心愿' value={form.title} maxLength={60} placeholder='例如：一双防滑棉鞋（38码）' onChange={(v) => set({ title: v })} />
            <Field id='wish-story' label='情况说明（不要写能认出是谁的细节）' value={form.story} maxLength={300} multiline onChange={(v) => set({ story: v })} />
            <Notice id='wish-notice' notice={notice} />
            <Button id='wish-submit' size='large' type='primary' block onClick={() => void submit()}>
              发布心愿
            </Button>
          </View>

          <Text className='ll-section-title'>社区的心愿</Text>
          {wishes.state.status === 'loading' && !wishes.state.data ? (
            <LoadingState />
          ) : wishes.state.status === 'error' && !wishes.state.data ? (
            <ErrorState error={wishes.state.error} onRetry={() => void wishes.reload()} />
          ) : items.length === 0 ? (
            <EmptyState title='还没有心愿' description='走访后在上面录入，发布后居民就能认领。' />
          ) : (
            items.map((w) => (
              <WishCard key={w.id} wish={w}>
                {w.actions.includes('confirm') ? (
                  <Button id={`wish-confirm-${w.id}`} size='large' type='primary' onClick={() => void confirm(w)}>
                    确认已送到心愿人手里
                  </Button>
                ) : null}
              </WishCard>
            ))
          )}
        </View>
      </StaffFrame>
    </Page>
  )
}
