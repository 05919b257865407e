import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { routes, type StatsOverview } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { downloadFile } from '../../../lib/download'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import { BarChart } from './BarChart'
import { charts, exportPath, hours, percentText } from './statsView'
import './index.css'

interface Filters {
  communityId?: number
  from?: string
  to?: string
}

function DateField({ id, label, value, onChange }: { id: string; label: string; value?: string; onChange: (v: string) => void }) {
  return (
    <Picker mode='date' value={value ?? ''} onChange={(e) => onChange(String(e.detail.value))}>
      <View id={id} className='stats-date'>
        <Text className='ll-text'>
          {label}：{value ?? '最近12个月'}
        </Text>
      </View>
    </Picker>
  )
}

function Figure({ id, label, value, note }: { id: string; label: string; value: string; note?: string }) {
  return (
    <View id={id} className='ll-card stats-figure'>
      <Text className='ll-secondary'>{label}</Text>
      <Text className='stats-figure-value'>{value}</Text>
      {note ? <Text className='ll-secondary'>{note}</Text> : null}
    </View>
  )
}

/** Street admins pick one community or see them all side by side; committee staff see their own. */
function CommunityPicker({ value, onChange }: { value?: number; onChange: (id?: number) => void }) {
  const me = useMe('staffStats').state.data
  const streets = new Set(me?.grants.filter((g) => g.role === 'street_admin').map((g) => g.scope.id) ?? [])
  const list = useResource(() => call(routes.communities), { enabled: streets.size > 0 })
  const mine = (list.state.data?.items ?? []).filter((c) => streets.has(c.street.id))
  if (mine.length === 0) return null
  return (
    <View className='stats-communities' id='stats-communities'>
      <Button id='stats-community-all' size='large' type={value === undefined ? 'primary' : 'default'} onClick={() => onChange(undefined)}>
        全部社区
      </Button>
      {mine.map((c) => (
        <Button key={c.id} id={`stats-community-${c.id}`} size='large' type={value === c.id ? 'primary' : 'default'} onClick={() => onChange(c.id)}>
          {c.name}
        </Button>
      ))}
    </View>
  )
}

function Comparison({ rows }: { rows: StatsOverview['communities'] }) {
  return (
    <View id='stats-compare' className='ll-card stats-chart'>
      <Text className='ll-heading'>各社区对比</Text>
      <View className='stats-table' role='table'>
        <View className='stats-row stats-compare-row' role='row'>
          {['社区', '新认证', '待审核', '活动', '报名', '签到', '志愿小时'].map((h) => (
            <Text key={h} className='ll-secondary'>
              {h}
            </Text>
          ))}
        </View>
        {rows.map((c) => (
          <View key={c.communityId} id={`stats-compare-${c.communityId}`} className='stats-row stats-compare-row' role='row'>
            <Text className='ll-text'>{c.name}</Text>
            <Text className='ll-text'>{c.residentsVerified}</Text>
            <Text className='ll-text'>{c.pendingClaims}</Text>
            <Text className='ll-text'>{c.activitiesHeld}</Text>
            <Text className='ll-text'>{c.signups}</Text>
            <Text className='ll-text'>{c.attended}</Text>
            <Text className='ll-text'>{hours(c.volunteerMinutes)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** 统计: the community's (committee) or street's (street admin) figures, each chart with its numbers, and an Excel export. */
export default function StatsPage() {
  const desk = useDeskLayout()
  const [filters, setFilters] = useState<Filters>({})
  const [exportError, setExportError] = useState<string>()
  const overview = useResource(() => call(routes.statsOverview, { query: filters }), { key: JSON.stringify(filters) })
  const o = overview.state.data

  const exportXlsx = async () => {
    setExportError(undefined)
    try {
      await downloadFile(exportPath(filters), '统计.xlsx', '没能导出，请稍后再试')
    } catch (e) {
      setExportError(messageOf(e))
    }
  }

  return (
    <Page>
      <StaffFrame current='staffStats'>
        <View className={desk ? 'll-body stats-desk' : 'll-body'}>
          <View className='ll-card stats-controls'>
            <CommunityPicker value={filters.communityId} onChange={(communityId) => setFilters({ ...filters, communityId })} />
            <DateField id='stats-from' label='从' value={filters.from} onChange={(from) => setFilters({ ...filters, from })} />
            <DateField id='stats-to' label='到' value={filters.to} onChange={(to) => setFilters({ ...filters, to })} />
            <Button id='stats-export' size='large' fill='outline' onClick={() => void exportXlsx()}>
              导出Excel
            </Button>
            {exportError ? <Text className='ll-text stats-error'>{exportError}</Text> : null}
          </View>
          {overview.state.status === 'error' ? <ErrorState error={overview.state.error} onRetry={overview.reload} /> : null}
          {!o && overview.state.status === 'loading' ? <LoadingState /> : null}
          {o ? (
            <View id='stats-overview' className='stats-grid'>
              <Text className='ll-secondary'>
                {o.from} 至 {o.to}
              </Text>
              <View className='stats-figures'>
                <Figure
                  id='stats-pending'
                  label='待审核住户认证'
                  value={`${o.pendingClaims.count} 条`}
                  note={o.pendingClaims.oldestDays === null ? '没有等待的' : `最久等了 ${o.pendingClaims.oldestDays} 天，${o.pendingClaims.olderThanWeek} 条超过7天`}
                />
                <Figure id='stats-attendance' label='到场率' value={percentText(o.signups.attendanceRate)} note={`${o.signups.noShows} 人次报名后没来`} />
                <Figure id='stats-full' label='报满的活动' value={`${o.waitlist.activitiesFull} / ${o.waitlist.activitiesHeld} 场`} note={`${o.waitlist.turnedAway} 人次候补没排上`} />
                <Figure id='stats-articles' label='文章' value={`${o.articles.published} 篇`} note={`阅读 ${o.articles.reads} 人次`} />
              </View>
              {charts(o).map((c) => (
                <BarChart key={c.id} id={c.id} title={c.title} bars={c.bars} />
              ))}
              {o.communities.length > 0 ? <Comparison rows={o.communities} /> : null}
            </View>
          ) : null}
        </View>
      </StaffFrame>
    </Page>
  )
}
