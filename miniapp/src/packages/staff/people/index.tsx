import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { roleLabels, routes, type Grant } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { PagedListBody } from '../../../components/States'
import { usePagedList } from '../../../hooks/usePagedList'
import { usePagedListGestures } from '../../../hooks/usePullRefresh'
import { useRequireLogin } from '../../../hooks/useSession'
import { grantText } from '../shared/grantText'
import { InviteForm } from './InviteForm'
import './index.css'

const PAGE_SIZE = 20

/** Who holds which role in what I manage; invite someone; take a role back. */
export default function PeoplePage() {
  const loggedIn = useRequireLogin('staffPeople')
  const [version, setVersion] = useState(0)
  const list = usePagedList((page) => call(routes.listGrants, { query: { page, pageSize: PAGE_SIZE } }), loggedIn ? `grants-${version}` : 'logged-out')
  const [revoking, setRevoking] = useState<Grant | null>(null)
  const [error, setError] = useState<string>()
  usePagedListGestures(list)

  const revoke = async () => {
    if (!revoking) return
    setError(undefined)
    try {
      await call(routes.revokeGrant, { params: { id: revoking.id } })
      setVersion((v) => v + 1)
    } catch (e) {
      setError(messageOf(e))
    }
  }

  return (
    <Page>
      <StaffFrame current='staffPeople'>
        <View className='ll-body people-layout'>
          <InviteForm onCreated={() => setVersion((v) => v + 1)} />
          <View className='people-list'>
            <Text className='ll-section-title'>现有人员</Text>
            {error ? (
              <Text className='ll-text people-error'>
                {error}
              </Text>
            ) : null}
            <PagedListBody list={list} id='people-list' loadMoreId='people-load-more' empty={{ title: '还没有工作人员', description: '用上面的“邀请工作人员”生成邀请码。', refresh: true }}>
              <Text className='ll-secondary'>共 {list.total} 人次</Text>
              <View className='people-table' role='table'>
                <View className='people-row people-head' role='row'>
                  <Text>姓名</Text>
                  <Text>身份</Text>
                  <Text>任职范围</Text>
                  <Text>操作</Text>
                </View>
                {list.items.map((g) => (
                  <View key={g.id} id={`grant-${g.id}`} className='people-row ll-card' role='row'>
                    <Text className='ll-heading'>
                      {g.nickname}
                    </Text>
                    <Text className='ll-text'>
                      {roleLabels[g.role]}
                    </Text>
                    <Text className='ll-text'>
                      {g.scope.name ?? ''}
                    </Text>
                    <View role='cell'>
                      <Button id={`grant-revoke-${g.id}`} fill='outline' type='danger' onClick={() => setRevoking(g)}>
                        撤销
                      </Button>
                    </View>
                  </View>
                ))}
              </View>
            </PagedListBody>
          </View>
        </View>
        <ConfirmDialog
          visible={revoking !== null}
          title='撤销这个身份？'
          text={revoking ? `撤销后，${revoking.nickname}马上不能再以${grantText(revoking.role, revoking.scope)}的身份操作。` : ''}
          confirmId='grant-revoke-confirm'
          confirmText='确认撤销'
          danger
          onConfirm={revoke}
          onClose={() => setRevoking(null)}
        />
      </StaffFrame>
    </Page>
  )
}
