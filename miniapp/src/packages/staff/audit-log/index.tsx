import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { routes } from '@linli/shared'
import { messageOf, call } from '../../../api'
import { Button, Input } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { PagedListBody } from '../../../components/States'
import { usePagedList } from '../../../hooks/usePagedList'
import { usePagedListGestures } from '../../../hooks/usePullRefresh'
import { useRequireLogin } from '../../../hooks/useSession'
import { downloadFile } from '../../../lib/download'
import { formatDateTime } from '../../../lib/format'
import { actionLabels, auditQuery, exportPath, type AuditFilters } from './auditQuery'
import './index.css'

const PAGE_SIZE = 20

function DateField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View id={id} className='audit-date'>
        <Text className='ll-text'>
          {label}：{value || '不限'}
        </Text>
      </View>
    </Picker>
  )
}

/** Who did what, when: the street's (street admin) or the community's (committee) staff actions. */
export default function AuditLogPage() {
  const loggedIn = useRequireLogin('staffAuditLog')
  const [draft, setDraft] = useState<AuditFilters>({ action: '', from: '', to: '' })
  const [filters, setFilters] = useState<AuditFilters>(draft)
  const [exportError, setExportError] = useState<string>()
  const list = usePagedList(
    (page) => call(routes.auditLog, { query: { ...auditQuery(filters), page, pageSize: PAGE_SIZE } }),
    loggedIn ? JSON.stringify(filters) : 'logged-out',
  )
  usePagedListGestures(list)

  const exportCsv = async () => {
    setExportError(undefined)
    try {
      await downloadFile(exportPath(filters), '审计日志.csv', '没能导出，请稍后再试')
    } catch (e) {
      setExportError(messageOf(e))
    }
  }

  return (
    <Page>
      <StaffFrame current='staffAuditLog'>
        <View className='ll-body'>
          <View className='ll-card audit-filters'>
            <View className='audit-action'>
              <Input id='audit-action' value={draft.action} placeholder='操作，例如 grant.revoke' maxLength={64} onChange={(action) => setDraft({ ...draft, action })} />
            </View>
            <DateField id='audit-from' label='从' value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
            <DateField id='audit-to' label='到' value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
            <View className='ll-button-row'>
              <Button id='audit-search' size='large' type='primary' onClick={() => setFilters(draft)}>
                查询
              </Button>
              <Button id='audit-export' size='large' fill='outline' onClick={() => void exportCsv()}>
                导出表格
              </Button>
            </View>
            {exportError ? (
              <Text className='ll-text audit-error'>
                {exportError}
              </Text>
            ) : null}
          </View>
          <PagedListBody list={list} id='audit-list' loadMoreId='audit-load-more' empty={{ title: '没有符合条件的记录', description: '换个日期或操作再查一次。', refresh: true }}>
            <Text className='ll-secondary'>共 {list.total} 条</Text>
            <View className='audit-table' role='table'>
              <View className='audit-row audit-head' role='row'>
                <Text>时间</Text>
                <Text>操作人</Text>
                <Text>操作</Text>
                <Text>社区</Text>
                <Text>对象</Text>
              </View>
              {list.items.map((row) => (
                <View key={row.id} id={`audit-${row.id}`} className='audit-row ll-card' role='row'>
                  <Text className='ll-secondary'>
                    {formatDateTime(row.createdAt)}
                  </Text>
                  <Text className='ll-text'>
                    {row.actorName ?? '系统'}
                  </Text>
                  <Text className='ll-heading'>
                    {actionLabels[row.action] ?? row.action}
                  </Text>
                  <Text className='ll-text'>
                    {row.communityName ?? '街道'}
                  </Text>
                  <Text className='ll-secondary'>
                    {row.targetType} #{row.targetId ?? ''}
                  </Text>
                </View>
              ))}
            </View>
          </PagedListBody>
        </View>
      </StaffFrame>
    </Page>
  )
}
