import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  incubationStageLabels,
  legalStatusLabels,
  organisationTypeLabels,
  routes,
  type IncubationStage,
  type OrganisationDetail,
  type OrganisationType,
} from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, RowsBody } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { DeskTable, Pager } from '../shared/DeskTable'
import { Field, FilterRow } from '../shared/Field'
import { Notice } from '../shared/Notice'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import { OrganisationForm, stageOptions, typeOptions, type OrganisationDraft } from './OrganisationForm'
import '../shared/desk.css'

const PAGE_SIZE = 20

interface Filters {
  q: string
  type?: OrganisationType
  status?: 'active' | 'suspended'
  stage?: IncubationStage
  page: number
}

function statusChip(o: OrganisationDetail) {
  return <Text className={o.suspended ? 'll-chip ll-chip-rejected' : 'll-chip ll-chip-approved'}>{o.suspended ? '已暂停' : '正常'}</Text>
}

export default function StaffOrganisationsPage() {
  const { state: meState } = useMe('staffOrganisations')
  const me = meState.data
  const streetAdmin = me?.grants.some((g) => g.role === 'street_admin') ?? false
  const desk = useDeskLayout()
  const [filters, setFilters] = useState<Filters>({ q: '', page: 1 })
  const key = JSON.stringify(filters)
  const { state, reload } = useResource(
    () =>
      call(routes.organisationRegistry, {
        query: { q: filters.q.trim() || undefined, type: filters.type, status: filters.status, stage: filters.stage, page: filters.page, pageSize: PAGE_SIZE },
      }),
    { enabled: Boolean(me), key },
  )
  const setup = useResource(
    async () => {
      const [communities, everyone] = await Promise.all([call(routes.communities), call(routes.organisationRegistry, { query: { pageSize: 100 } })])
      return { communities: communities.items, mentors: everyone.items.map((o) => ({ id: o.id, name: o.name })) }
    },
    { enabled: Boolean(me) },
  )
  const [editing, setEditing] = useState<OrganisationDetail | 'new' | null>(null)
  const [suspending, setSuspending] = useState<OrganisationDetail | null>(null)
  const [notice, setNotice] = useState<{ kind: 'done' | 'error'; text: string } | null>(null)
  const filter = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }))

  const save = async (draft: OrganisationDraft) => {
    const { stageDate, ...rest } = draft
    const body = { ...rest, ...(stageDate.trim() ? { stageDate: stageDate.trim() } : {}) }
    const saved =
      editing === 'new' || editing === null
        ? await call(routes.createOrganisation, { body })
        : await call(routes.updateOrganisation, { params: { id: editing.id }, body })
    setEditing(null)
    setNotice({ kind: 'done', text: `已保存“${saved.name}”` })
    await Promise.all([reload(), setup.reload()])
  }

  const setSuspended = async (o: OrganisationDetail, suspended: boolean) => {
    try {
      await call(routes.updateOrganisation, { params: { id: o.id }, body: { suspended } })
      setNotice({ kind: 'done', text: suspended ? `已暂停“${o.name}”，它的工作人员暂时不能以组织身份办事` : `已恢复“${o.name}”` })
      await reload()
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) })
    }
  }

  const communityNames = (o: OrganisationDetail) =>
    o.communityIds.map((id) => setup.state.data?.communities.find((c) => c.id === id)?.name ?? '').filter(Boolean).join('、') || '—'

  const actions = (o: OrganisationDetail) =>
    streetAdmin ? (
      <View className='setup-choice'>
        <Button id={`org-edit-${o.id}`} size='large' fill='outline' onClick={() => setEditing(o)}>
          修改
        </Button>
        <Button
          id={`org-suspend-${o.id}`}
          size='large'
          fill='outline'
          type={o.suspended ? 'default' : 'danger'}
          onClick={() => (o.suspended ? void setSuspended(o, false) : setSuspending(o))}
        >
          {o.suspended ? '恢复' : '暂停'}
        </Button>
      </View>
    ) : null

  const data = state.data
  const body = (
    <RowsBody state={state} onRetry={() => void reload()} empty={<EmptyState title='没有符合条件的组织' description='换个筛选条件看看，或者登记一个新组织。' />}>
      {(rows) =>
        desk ? (
          <DeskTable
            id='organisation-table'
            rows={rows}
            rowKey={(o) => o.id}
            columns={[
              { key: 'name', title: '名称', width: 2, render: (o) => <Text>{o.name}</Text> },
              { key: 'type', title: '类型', render: (o) => <Text>{organisationTypeLabels[o.type]}</Text> },
              { key: 'legal', title: '登记', render: (o) => <Text>{legalStatusLabels[o.legalStatus]}</Text> },
              { key: 'leader', title: '负责人 / 电话', width: 1.5, render: (o) => <Text>{`${o.leader || '—'} ${o.contactPhone}`}</Text> },
              { key: 'communities', title: '服务社区', width: 2, render: (o) => <Text>{communityNames(o)}</Text> },
              { key: 'stage', title: '孵化阶段', render: (o) => <Text>{`${incubationStageLabels[o.stage]}${o.stageDates[o.stage] ? ` ${o.stageDates[o.stage]}` : ''}`}</Text> },
              { key: 'mentor', title: '导师组织', width: 1.5, render: (o) => <Text>{o.mentor?.name ?? '—'}</Text> },
              { key: 'status', title: '状态', render: statusChip },
              { key: 'actions', title: '操作', width: 2, render: actions },
            ]}
          />
        ) : (
          rows.map((o) => (
            <View key={o.id} id={`organisation-${o.id}`} className='ll-card'>
              <View className='ll-card-row'>
                <Text className='ll-heading'>{o.name}</Text>
                {statusChip(o)}
              </View>
              <Text className='ll-text setup-line'>
                {organisationTypeLabels[o.type]} · {legalStatusLabels[o.legalStatus]} · {incubationStageLabels[o.stage]}
              </Text>
              <Text className='ll-secondary setup-line'>负责人：{o.leader || '—'} {o.contactPhone}</Text>
              <Text className='ll-secondary setup-line'>服务社区：{communityNames(o)}</Text>
              {o.mentor ? <Text className='ll-secondary setup-line'>导师组织：{o.mentor.name}</Text> : null}
              {actions(o)}
            </View>
          ))
        )
      }
    </RowsBody>
  )

  return (
    <Page>
      <StaffFrame current='staffOrganisations'>
        <View className={desk ? 'll-body setup-desk' : 'll-body'}>
          <Notice id='organisation-notice' notice={notice} />
          {editing !== null && setup.state.data ? (
            <OrganisationForm
              key={editing === 'new' ? 'new' : editing.id}
              initial={editing === 'new' ? null : editing}
              communities={setup.state.data.communities}
              mentors={setup.state.data.mentors}
              onSave={save}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <View>
              {streetAdmin ? (
                <Button id='organisation-new' size='large' type='primary' block onClick={() => setEditing('new')}>
                  登记新组织
                </Button>
              ) : null}
              <Field id='organisation-search' label='按名称查找' value={filters.q} placeholder='输入组织名称的一部分' onChange={(q) => filter({ q })} />
              <FilterRow id='filter-type' label='类型' options={typeOptions} value={filters.type} onChange={(type) => filter({ type })} />
              <FilterRow
                id='filter-status'
                label='状态'
                options={[
                  { value: 'active' as const, label: '正常' },
                  { value: 'suspended' as const, label: '已暂停' },
                ]}
                value={filters.status}
                onChange={(status) => filter({ status })}
              />
              <FilterRow id='filter-stage' label='孵化阶段' options={stageOptions} value={filters.stage} onChange={(stage) => filter({ stage })} />
              {body}
              {data && data.total > 0 ? <Pager id='organisation-pager' page={filters.page} pageSize={PAGE_SIZE} total={data.total} onPage={(page) => filter({ page })} /> : null}
            </View>
          )}
        </View>

        <ConfirmDialog
          visible={suspending !== null}
          title='暂停这个组织？'
          text={suspending ? `暂停后，“${suspending.name}”的工作人员不能再以组织身份发布活动和文章，直到您恢复它。` : ''}
          confirmId='org-suspend-confirm'
          confirmText='确认暂停'
          danger
          onConfirm={() => (suspending ? setSuspended(suspending, true) : undefined)}
          onClose={() => setSuspending(null)}
        />
      </StaffFrame>
    </Page>
  )
}
