import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, servicePointKindLabels, type CreateServicePoint, type ServicePoint, type ServicePointKind } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, RowsBody } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { DeskTable, Pager } from '../../staff/shared/DeskTable'
import { Field, FilterRow } from '../../staff/shared/Field'
import { Notice, type NoticeText } from '../../staff/shared/Notice'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import { weekWords } from '../words'
import { CentreCard } from './CentreCard'
import { kindOptions, PointForm } from './PointForm'
import '../../staff/shared/desk.css'
import '../circle.css'

const PAGE_SIZE = 20

interface Filters {
  q: string
  communityId?: number
  kind?: ServicePointKind
  page: number
}

const hoursSummary = (p: ServicePoint) => weekWords(p.hours).join('；')

/** Committee staff keep their community's service points, street admins the street's; and where each community is. */
export default function StaffServicePointsPage() {
  const { state: meState } = useMe('staffServicePoints')
  const me = meState.data
  const streetAdmin = me?.grants.some((g) => g.role === 'street_admin') ?? false
  const desk = useDeskLayout()
  const [filters, setFilters] = useState<Filters>({ q: '', page: 1 })
  const { state, reload } = useResource(
    () =>
      call(routes.servicePoints, {
        query: { q: filters.q.trim() || undefined, communityId: filters.communityId, kind: filters.kind, page: filters.page, pageSize: PAGE_SIZE },
      }),
    { enabled: Boolean(me), key: JSON.stringify(filters) },
  )
  const setup = useResource(
    async () => {
      const [centres, registry] = await Promise.all([
        call(routes.communityCentres),
        // The registry is only a convenience here: without it a point is simply run by the community.
        call(routes.organisationRegistry, { query: { pageSize: 100, status: 'active' } }).catch(() => ({ items: [] })),
      ])
      return { centres: centres.items, organisations: registry.items.map((o) => ({ id: o.id, name: o.name })) }
    },
    { enabled: Boolean(me) },
  )
  const [editing, setEditing] = useState<ServicePoint | 'new' | null>(null)
  const [removing, setRemoving] = useState<ServicePoint | null>(null)
  const [notice, setNotice] = useState<NoticeText | null>(null)
  const filter = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }))

  const save = async (body: CreateServicePoint) => {
    const { communityId: _, ...changes } = body
    const saved = editing === 'new' || editing === null ? await call(routes.createServicePoint, { body }) : await call(routes.updateServicePoint, { params: { id: editing.id }, body: changes })
    setEditing(null)
    setNotice({ kind: 'done', text: `已保存“${saved.name}”，居民的“身边服务”里马上能看到` })
    await reload()
  }

  const remove = async (p: ServicePoint) => {
    try {
      await call(routes.deleteServicePoint, { params: { id: p.id } })
      setNotice({ kind: 'done', text: `已删除“${p.name}”` })
      await reload()
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e) })
    }
  }

  const actions = (p: ServicePoint) => (
    <View className='setup-choice'>
      <Button id={`point-edit-${p.id}`} size='large' fill='outline' onClick={() => setEditing(p)}>
        修改
      </Button>
      <Button id={`point-remove-${p.id}`} size='large' fill='outline' type='danger' onClick={() => setRemoving(p)}>
        删除
      </Button>
    </View>
  )

  const communities = setup.state.data?.centres.map((c) => ({ id: c.communityId, name: c.name })) ?? []
  const data = state.data
  const body = (
    <RowsBody state={state} onRetry={() => void reload()} empty={<EmptyState title='没有符合条件的服务点' description='换个筛选条件看看，或者添加一个服务点。' />}>
      {(rows) =>
        desk ? (
          <DeskTable
            id='point-table'
            rows={rows}
            rowKey={(p) => p.id}
            columns={[
              { key: 'name', title: '名称', width: 2, render: (p) => <Text>{p.name}</Text> },
              { key: 'kind', title: '类型', render: (p) => <Text>{servicePointKindLabels[p.kind]}</Text> },
              { key: 'community', title: '社区', render: (p) => <Text>{p.communityName ?? '街道'}</Text> },
              { key: 'address', title: '地址 / 电话', width: 2, render: (p) => <Text>{`${p.address} ${p.phone}`}</Text> },
              { key: 'hours', title: '开放时间', width: 3, render: (p) => <Text>{hoursSummary(p)}</Text> },
              { key: 'org', title: '运营机构', width: 1.5, render: (p) => <Text>{p.organisation?.name ?? '社区'}</Text> },
              { key: 'actions', title: '操作', width: 2, render: actions },
            ]}
          />
        ) : (
          rows.map((p) => (
            <View key={p.id} id={`point-card-${p.id}`} className='ll-card'>
              <Text className='ll-heading'>{p.name}</Text>
              <Text className='ll-text circle-line'>
                {servicePointKindLabels[p.kind]} · {p.communityName ?? '街道'}
              </Text>
              <Text className='ll-secondary circle-line'>
                {p.address} {p.phone}
              </Text>
              <Text className='ll-secondary circle-line'>{hoursSummary(p)}</Text>
              {actions(p)}
            </View>
          ))
        )
      }
    </RowsBody>
  )

  return (
    <Page>
      <StaffFrame current='staffServicePoints'>
        <View className={desk ? 'll-body setup-desk circle-desk' : 'll-body'}>
          <Notice id='point-notice' notice={notice} />
          {editing !== null && setup.state.data ? (
            <PointForm
              key={editing === 'new' ? 'new' : editing.id}
              initial={editing === 'new' ? null : editing}
              communities={communities}
              streetLevel={streetAdmin}
              organisations={setup.state.data.organisations}
              desk={desk}
              onSave={save}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <View>
              <Button id='point-new' className='circle-new' size='large' type='primary' block onClick={() => setEditing('new')}>
                添加服务点
              </Button>
              <Field id='point-search' label='按名称或地址查找' value={filters.q} placeholder='输入名称或地址的一部分' onChange={(q) => filter({ q })} />
              <FilterRow
                id='filter-community'
                label='社区'
                options={communities.map((c) => ({ value: c.id, label: c.name }))}
                value={filters.communityId}
                onChange={(communityId) => filter({ communityId })}
              />
              <FilterRow id='filter-kind' label='类型' options={kindOptions} value={filters.kind} onChange={(kind) => filter({ kind })} />
              {body}
              {data && data.total > 0 ? <Pager id='point-pager' page={filters.page} pageSize={PAGE_SIZE} total={data.total} onPage={(page) => filter({ page })} /> : null}

              <Text className='ll-section-title'>社区位置（居民按住址查找时，从这里算距离）</Text>
              {setup.state.status === 'error' && !setup.state.data ? (
                <ErrorState error={setup.state.error} onRetry={() => void setup.reload()} />
              ) : (
                setup.state.data?.centres.map((c) => <CentreCard key={c.communityId} centre={c} onSaved={() => void setup.reload()} />)
              )}
            </View>
          )}
        </View>

        <ConfirmDialog
          visible={removing !== null}
          title='删除这个服务点？'
          text={removing ? `删除后，居民在“身边服务”里不会再看到“${removing.name}”。` : ''}
          confirmId='point-remove-confirm'
          confirmText='确认删除'
          danger
          onConfirm={() => (removing ? remove(removing) : undefined)}
          onClose={() => setRemoving(null)}
        />
      </StaffFrame>
    </Page>
  )
}
