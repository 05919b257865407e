import { useState } from 'react'
import { View } from '@tarojs/components'
import { routes, type Wish } from '@linli/shared'
import { call } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { EmptyState } from '../../../components/States'
import { usePullRefresh } from '../../../hooks/usePullRefresh'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { ChoiceButton } from '../../staff/shared/Field'
import { Notice } from '../../staff/shared/Notice'
import { PageListBody } from '../PageListBody'
import { useNoticeAction } from '../useNoticeAction'
import { WishCard } from '../WishCard'
import '../../staff/shared/desk.css'
import '../help.css'

type Tab = 'community' | 'mine'

/** 微心愿: small wishes of neighbours in need (shown masked); claim one, then say when it was handed over. */
export default function WishesPage() {
  const loggedIn = useRequireLogin('wishes')
  const [tab, setTab] = useState<Tab>('community')
  const list = useResource(() => call(routes.listWishes, { query: { view: tab, pageSize: 50 } }), { enabled: loggedIn, key: tab })
  usePullRefresh(list.reload)
  const [claiming, setClaiming] = useState<Wish | null>(null)
  const { notice, act } = useNoticeAction(list.reload)

  return (
    <Page>
      <View className='ll-body'>
        <View className='setup-filters' id='wish-tabs'>
          <ChoiceButton selected={tab === 'community'} label='社区的心愿' onClick={() => setTab('community')} />
          <ChoiceButton selected={tab === 'mine'} label='我认领的' onClick={() => setTab('mine')} />
        </View>
        <Notice id='wish-notice' notice={notice} />
        <PageListBody
          list={list}
          empty={
            tab === 'community' ? (
              <EmptyState title='现在没有心愿' description='社工走访后会把困难居民的小心愿放在这里，有了会第一时间显示。' />
            ) : (
              <EmptyState title='您还没有认领心愿' description='在“社区的心愿”里挑一个，点“我来认领”。' />
            )
          }
        >
          {(items) => (
            <>
              {items.map((w) => (
            <WishCard key={w.id} wish={w}>
              <View className='help-actions'>
                {w.actions.includes('claim') ? (
                  <Button id={`wish-claim-${w.id}`} size='large' type='primary' onClick={() => setClaiming(w)}>
                    我来认领
                  </Button>
                ) : null}
                {w.actions.includes('deliver') ? (
                  <Button
                    id={`wish-deliver-${w.id}`}
                    size='large'
                    type='primary'
                    onClick={() => void act(() => call(routes.deliverWish, { params: { id: w.id }, body: {} }), '谢谢！社区确认后心愿就实现了')}
                  >
                    已送到社区
                  </Button>
                ) : null}
              </View>
            </WishCard>
              ))}
            </>
          )}
        </PageListBody>
      </View>
      <ConfirmDialog
        visible={claiming !== null}
        title='认领这个心愿？'
        text={claiming ? `认领“${claiming.title}”后，请把它送到${claiming.communityName}居委会，由社区转交。一个心愿只能一个人认领。` : undefined}
        confirmId='wish-claim-confirm'
        confirmText='我来认领'
        onConfirm={() => act(() => call(routes.claimWish, { params: { id: claiming!.id }, body: {} }), '认领成功，谢谢您的爱心！')}
        onClose={() => setClaiming(null)}
      />
    </Page>
  )
}
