import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, serviceContractTypeLabels, type CreateServiceContract, type ServiceContract } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, RowsBody } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { downloadFile } from '../../../lib/download'
import { goTo } from '../../../navigation'
import { DeskTable, Pager } from '../../staff/shared/DeskTable'
import { ChoiceButton } from '../../staff/shared/Field'
import { Notice, type NoticeText } from '../../staff/shared/Notice'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import { ContractForm } from '../shared/ContractForm'
import { exportPath, yuan } from '../shared/servicesView'
import '../../staff/shared/desk.css'
import '../shared/services.css'

const PAGE_SIZE = 20
type Status = 'active' | 'upcoming' | 'ended'
const statusOptions: { value: Status; label: string }[] = [
  { value: 'active', label: '服务中' },
  { value: 'upcoming', label: '未开始' },
  { value: 'ended', label: '已结束' },
]

/** 委托服务: the contracts I buy, provide or evaluate; the buyer creates them here. */
export default function ServiceContractsPage() {
  const me = useMe('serviceContracts').state.data
  const desk = useDeskLayout()
  const [status, setStatus] = useState<Status | undefined>('active')
  const [page, setPage] = useState(1)
  const [creating, setCreating] = useState(false)
  const [notice, setNotice] = useState<NoticeText | null>(null)
  const streets = new Set(me?.grants.filter((g) => g.role === 'street_admin').map((g) => g.scope.id) ?? [])
  const committeeOf = new Set(me?.grants.filter((g) => g.role === 'committee_staff').map((g) => g.scope.id) ?? [])
  const buyer = streets.size > 0 || committeeOf.size > 0
  const worker = me?.grants.some((g) => g.role === 'social_worker' || g.role === 'org_staff') ?? false

  const list = useResource(() => call(routes.listServiceContracts, { query: { status, page, pageSize: PAGE_SIZE } }), {
    enabled: Boolean(me),
    key: `${status}/${page}`,
  })
  const setup = useResource(
    async () => {
      const [communities, registry] = await Promise.all([call(routes.communities), call(routes.organisationRegistry, { query: { status: 'active', pageSize: 100 } })])
      return {
        communities: communities.items.filter((c) => committeeOf.has(c.id) || streets.has(c.street.id)).map((c) => ({ id: c.id, name: c.name })),
        organisations: registry.items.map((o) => ({ id: o.id, name: o.name })),
      }
    },
    { enabled: creating },
  )

  const save = async (body: CreateServiceContract) => {
    const created = await call(routes.createServiceContract, { body })
    setCreating(false)
    setNotice({ kind: 'done', text: `已建立“${created.title}”，接下来添加服务项目` })
    await list.reload()
  }

  const exportXlsx = async (c: ServiceContract) => {
    try {
      await downloadFile(exportPath(c.id), `服务进度_${c.title}.xlsx`, '没能导出，请稍后再试')
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e) })
    }
  }

  const actions = (c: ServiceContract) => (
    <View className='setup-choice'>
      <Button id={`contract-open-${c.id}`} size='large' type='primary' onClick={() => goTo('serviceProgress', { contractId: c.id })}>
        项目和进度
      </Button>
      <Button id={`contract-export-${c.id}`} size='large' fill='outline' onClick={() => void exportXlsx(c)}>
        导出Excel
      </Button>
    </View>
  )

  const data = list.state.data
  const body = (
    <RowsBody state={list.state} onRetry={() => void list.reload()} empty={<EmptyState title='没有这类服务合同' description={buyer ? '点“新建服务合同”登记向社会组织购买或委托的服务。' : '购买方登记合同并指派您后，这里会显示。'} />}>
      {(rows) =>
        desk ? (
          <DeskTable
            id='contract-table'
            rows={rows}
            rowKey={(c) => c.id}
            columns={[
              { key: 'title', title: '合同', width: 2, render: (c) => <Text>{c.title}</Text> },
              { key: 'buyer', title: '购买方', width: 1.2, render: (c) => <Text>{c.buyerName}</Text> },
              { key: 'provider', title: '承接机构', width: 1.5, render: (c) => <Text>{c.provider.name}</Text> },
              {
                key: 'period',
                title: '服务期限',
                width: 1.4,
                // A line may break between the dates, never inside one: “2026-09” and “-01” cannot be read.
                render: (c) => (
                  <Text>
                    <Text className='svc-nowrap'>{`${c.periodStart} 至`}</Text> <Text className='svc-nowrap'>{c.periodEnd}</Text>
                  </Text>
                ),
              },
              { key: 'amount', title: '金额', width: 1.4, render: (c) => <Text className='svc-nowrap'>{yuan(c.amountFen)}</Text> },
              { key: 'items', title: '服务项目', width: 0.8, render: (c) => <Text>{`${c.itemCount} 项`}</Text> },
              { key: 'actions', title: '操作', width: 2.2, render: actions },
            ]}
          />
        ) : (
          rows.map((c) => (
            <View key={c.id} id={`contract-${c.id}`} className='ll-card'>
              <Text className='ll-heading'>{c.title}</Text>
              <Text className='ll-text setup-line'>
                {serviceContractTypeLabels[c.type]} · {c.buyerName} 购买 · {c.provider.name} 承接
              </Text>
              <Text className='ll-secondary setup-line'>
                {c.periodStart} 至 {c.periodEnd} · {yuan(c.amountFen)} · {c.itemCount} 个服务项目
              </Text>
              {actions(c)}
            </View>
          ))
        )
      }
    </RowsBody>
  )

  return (
    <Page>
      <StaffFrame current='serviceContracts'>
        <View className={desk ? 'll-body svc-desk' : 'll-body'}>
          <Notice id='contract-notice' notice={notice} />
          {worker ? (
            <View className='svc-actions'>
              <Button id='go-log' size='large' type='primary' onClick={() => goTo('serviceLog')}>
                记录服务
              </Button>
              <Button id='go-tasks' size='large' fill='outline' onClick={() => goTo('serviceTasks')}>
                我的任务
              </Button>
            </View>
          ) : null}
          {creating && setup.state.data ? (
            <ContractForm
              communities={setup.state.data.communities}
              organisations={setup.state.data.organisations}
              streetAdmin={streets.size > 0}
              onSave={save}
              onCancel={() => setCreating(false)}
            />
          ) : (
            <View>
              {buyer ? (
                <Button id='contract-new' size='large' type='primary' block onClick={() => setCreating(true)}>
                  新建服务合同
                </Button>
              ) : null}
              <View className='setup-filters svc-filters' id='contract-status'>
                <ChoiceButton selected={status === undefined} label='全部' onClick={() => (setStatus(undefined), setPage(1))} />
                {statusOptions.map((o) => (
                  <ChoiceButton key={o.value} selected={status === o.value} label={o.label} onClick={() => (setStatus(o.value), setPage(1))} />
                ))}
              </View>
              {body}
              {data && data.total > PAGE_SIZE ? <Pager id='contract-pager' page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} /> : null}
            </View>
          )}
        </View>
      </StaffFrame>
    </Page>
  )
}
