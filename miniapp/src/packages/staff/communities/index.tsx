import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type Community, type HouseholdImportResult } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { DeskTable, Pager } from '../shared/DeskTable'
import { Field } from '../shared/Field'
import { ImportPanel, type ImportBody } from '../shared/ImportPanel'
import { decodeCsvText } from '../shared/pick-csv'
import { Notice } from '../shared/Notice'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import '../shared/desk.css'

const PAGE_SIZE = 20

function householdLines(result: HouseholdImportResult): string[] {
  const head = result.dryRun
    ? `表格里共 ${result.rows} 户：将新建 ${result.created} 户，已登记不变 ${result.unchanged} 户。`
    : `已导入：新建 ${result.created} 户，已登记不变 ${result.unchanged} 户。`
  const sample = result.newHouseholds.slice(0, 10).map((h) => `第${h.line}行 新建 ${h.building} ${h.unit} ${h.room}`)
  return [head, ...sample, ...(result.created > sample.length ? [`……共 ${result.created} 户新建`] : [])]
}

/** What one community's households can be changed by: a household CSV, one household by hand, a census CSV. */
function CommunityHouseholds({ community, onChanged }: { community: Community; onChanged: () => void }) {
  const [room, setRoom] = useState({ building: '', unit: '', room: '' })
  const [note, setNote] = useState<{ kind: 'done' | 'error'; text: string } | null>(null)

  const addOne = async () => {
    try {
      const created = await call(routes.createHousehold, { params: { id: community.id }, body: room })
      setNote({ kind: 'done', text: `已添加 ${created.building} ${created.unit} ${created.room}` })
      setRoom({ building: '', unit: '', room: '' })
      onChanged()
    } catch (error) {
      setNote({ kind: 'error', text: messageOf(error) })
    }
  }

  const importHouseholds = async (dryRun: boolean, body: ImportBody) => {
    const result = await call(routes.importHouseholds, { params: { id: community.id }, query: { dryRun }, body })
    if (!dryRun) onChanged()
    return householdLines(result)
  }

  const importCensus = async (dryRun: boolean, body: ImportBody) => {
    const csv = 'csv' in body ? body.csv : decodeCsvText(body.csvBase64)
    const r = await call(routes.importCensus, { params: { id: community.id }, query: { dryRun }, body: { csv } })
    if (!dryRun) onChanged()
    return [
      `${dryRun ? '将' : '已'}新建住户 ${r.householdsCreated} 户，登记居民 ${r.residentsImported} 人，自动通过认证申请 ${r.claimsApproved} 条。`,
    ]
  }

  return (
    <View id='community-households'>
      <Text className='ll-section-title'>{community.name}：住户</Text>
      <ImportPanel
        id='household-import'
        title='导入住户表格'
        hint='每行一户：楼栋,单元,房号（第一行可以是表头）。先点“预览”看会新建哪些，确认后才写入；有错的行会全部列出，整份不导入。'
        run={importHouseholds}
      />
      <View className='ll-card' id='household-add'>
        <Text className='ll-heading'>手动添加一户</Text>
        <Field id='household-building' label='楼栋' value={room.building} placeholder='如 3栋' maxLength={32} onChange={(building) => setRoom({ ...room, building })} />
        <Field id='household-unit' label='单元' value={room.unit} placeholder='如 2单元' maxLength={32} onChange={(unit) => setRoom({ ...room, unit })} />
        <Field id='household-room' label='房号' value={room.room} placeholder='如 501' maxLength={32} onChange={(r) => setRoom({ ...room, room: r })} />
        <Notice notice={note} />
        <Button id='household-add-submit' size='large' type='primary' block onClick={() => void addOne()}>
          添加这一户
        </Button>
      </View>
      <ImportPanel
        id='census-import'
        title='导入居民登记名单'
        hint='每行一人：楼栋,单元,房号,姓名（第一行是表头）。名单上的居民申请认证时会自动通过。先预览，确认后才写入。'
        run={importCensus}
      />
    </View>
  )
}

export default function StaffCommunitiesPage() {
  const { state: meState } = useMe('staffCommunities')
  const me = meState.data
  const streetAdmin = me?.grants.some((g) => g.role === 'street_admin') ?? false
  const desk = useDeskLayout()
  const { state, reload } = useResource(() => call(routes.communities, { query: { includeArchived: true } }), { enabled: Boolean(me) })
  const [selected, setSelected] = useState<number | null>(null)
  const [search, setSearch] = useState('')
  const [page, setPage] = useState(1)
  const [form, setForm] = useState({ name: '', address: '' })
  const [formNote, setFormNote] = useState<{ kind: 'done' | 'error'; text: string } | null>(null)
  const [renaming, setRenaming] = useState<{ community: Community; name: string; error?: string } | null>(null)
  const [archiving, setArchiving] = useState<Community | null>(null)
  const [actionError, setActionError] = useState<string>()

  const communities = (state.data?.items ?? []).filter((c) => !search.trim() || c.name.includes(search.trim()))
  const shown = desk ? communities.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) : communities
  const current = state.data?.items.find((c) => c.id === selected) ?? null

  const create = async () => {
    try {
      const created = await call(routes.createCommunity, { body: form })
      setFormNote({ kind: 'done', text: `已建立“${created.name}”，现在可以导入住户了` })
      setForm({ name: '', address: '' })
      setSelected(created.id)
      await reload()
    } catch (error) {
      setFormNote({ kind: 'error', text: messageOf(error) })
    }
  }

  const rename = async () => {
    if (!renaming) return
    try {
      await call(routes.updateCommunity, { params: { id: renaming.community.id }, body: { name: renaming.name } })
      await reload()
    } catch (error) {
      setRenaming({ ...renaming, error: messageOf(error) })
      throw error
    }
  }

  const toggleArchive = async (community: Community) => {
    try {
      setActionError(undefined)
      await call(routes.updateCommunity, { params: { id: community.id }, body: { archived: !community.archived } })
      await reload()
    } catch (error) {
      setActionError(messageOf(error))
    }
  }

  const actions = (c: Community) => (
    <View className='setup-choice'>
      <Button id={`community-open-${c.id}`} size='large' fill='outline' onClick={() => setSelected(c.id)}>
        住户
      </Button>
      {streetAdmin ? (
        <Button id={`community-rename-${c.id}`} size='large' fill='outline' onClick={() => setRenaming({ community: c, name: c.name })}>
          改名
        </Button>
      ) : null}
      {streetAdmin ? (
        <Button
          id={`community-archive-${c.id}`}
          size='large'
          fill='outline'
          type={c.archived ? 'default' : 'danger'}
          onClick={() => (c.archived ? void toggleArchive(c) : setArchiving(c))}
        >
          {c.archived ? '恢复' : '归档'}
        </Button>
      ) : null}
    </View>
  )

  const list =
    state.status === 'loading' && !state.data ? (
      <LoadingState />
    ) : state.status === 'error' && !state.data ? (
      <ErrorState error={state.error} onRetry={() => void reload()} />
    ) : communities.length === 0 ? (
      <EmptyState title='还没有社区' description={streetAdmin ? '在右边（手机上在下面）填写名称，建立第一个社区。' : '街道建立社区后会出现在这里。'} />
    ) : desk ? (
      <View>
        <DeskTable
          id='community-table'
          rows={shown}
          rowKey={(c) => c.id}
          columns={[
            { key: 'name', title: '社区', width: 2, render: (c) => <Text>{c.name}</Text> },
            { key: 'address', title: '地址', width: 2, render: (c) => <Text>{c.address || '—'}</Text> },
            { key: 'households', title: '住户数', render: (c) => <Text>{c.householdCount}</Text> },
            { key: 'status', title: '状态', render: (c) => <Text className={c.archived ? 'll-chip ll-chip-rejected' : 'll-chip ll-chip-approved'}>{c.archived ? '已归档' : '使用中'}</Text> },
            { key: 'actions', title: '操作', width: 3, render: actions },
          ]}
        />
        <Pager id='community-pager' page={page} pageSize={PAGE_SIZE} total={communities.length} onPage={setPage} />
      </View>
    ) : (
      shown.map((c) => (
        <View key={c.id} id={`community-${c.id}`} className='ll-card'>
          <View className='ll-card-row'>
            <Text className='ll-heading'>{c.name}</Text>
            <Text className={c.archived ? 'll-chip ll-chip-rejected' : 'll-chip ll-chip-approved'}>{c.archived ? '已归档' : '使用中'}</Text>
          </View>
          <Text className='ll-secondary setup-line'>
            {c.address || '未填地址'} · {c.householdCount} 户
          </Text>
          {actions(c)}
        </View>
      ))
    )

  return (
    <Page>
      <StaffFrame current='staffCommunities'>
        <View className={desk ? 'll-body setup-desk' : 'll-body'}>
          <Field id='community-search' label='按名称查找' value={search} onChange={(v) => { setSearch(v); setPage(1) }} placeholder='输入社区名称的一部分' />
          {actionError ? (
            <View className='setup-error' role='alert'>
              <Text className='ll-text'>{actionError}</Text>
            </View>
          ) : null}
          <View className={desk ? 'setup-desk-columns' : ''}>
            <View>{list}</View>
            {streetAdmin ? (
              <View className='ll-card' id='community-create'>
                <Text className='ll-heading'>新建社区</Text>
                <Field id='community-name' label='社区名称' value={form.name} maxLength={64} placeholder='如 幸福里社区' onChange={(name) => setForm({ ...form, name })} />
                <Field id='community-address' label='地址（可不填）' value={form.address} maxLength={200} onChange={(address) => setForm({ ...form, address })} />
                <Notice notice={formNote} />
                <Button id='community-create-submit' size='large' type='primary' block onClick={() => void create()}>
                  建立社区
                </Button>
              </View>
            ) : null}
          </View>
          {current && !current.archived ? <CommunityHouseholds key={current.id} community={current} onChanged={() => void reload()} /> : null}
          {current?.archived ? <Text className='ll-text'>{current.name}已归档，恢复后才能修改住户。</Text> : null}
        </View>

        <ConfirmDialog
          visible={renaming !== null}
          title='给社区改名'
          confirmId='community-rename-confirm'
          confirmText='保存新名称'
          cancelText='取消'
          onConfirm={rename}
          onClose={() => setRenaming(null)}
        >
          {renaming ? (
            <View>
              <Field id='community-rename-input' label='新名称' value={renaming.name} maxLength={64} onChange={(name) => setRenaming({ ...renaming, name, error: undefined })} />
              {renaming.error ? <Text className='ll-field-error'>{renaming.error}</Text> : null}
            </View>
          ) : null}
        </ConfirmDialog>

        <ConfirmDialog
          visible={archiving !== null}
          title='归档这个社区？'
          text={archiving ? `归档后，居民在选择社区和活动列表里看不到“${archiving.name}”；住户和历史记录都会保留，之后可以恢复。` : ''}
          confirmId='community-archive-confirm'
          confirmText='确认归档'
          danger
          onConfirm={() => (archiving ? toggleArchive(archiving) : undefined)}
          onClose={() => setArchiving(null)}
        />
      </StaffFrame>
    </Page>
  )
}
