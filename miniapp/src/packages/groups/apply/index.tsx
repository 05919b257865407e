import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type OrganisationApplication } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useRequireLogin } from '../../../hooks/useSession'
import { formatDateTime } from '../../../lib/format'
import { ChoiceButton, Field } from '../../staff/shared/Field'
import '../../staff/shared/desk.css'

const chipLabel: Record<OrganisationApplication['status'], string> = { pending: '待审核', approved: '已备案', rejected: '未通过' }
const chipClass: Record<OrganisationApplication['status'], string> = {
  pending: 'll-chip ll-chip-pending',
  approved: 'll-chip ll-chip-approved',
  rejected: 'll-chip ll-chip-rejected',
}

function ApplicationCard({ application }: { application: OrganisationApplication }) {
  return (
    <View className='ll-card' id={`application-${application.id}`}>
      <View className='ll-card-row'>
        <Text className='ll-heading'>{application.name}</Text>
        <Text className={chipClass[application.status]}>{chipLabel[application.status]}</Text>
      </View>
      <Text className='ll-secondary setup-line'>
        {application.communityName} · 负责人 {application.leader} · {application.membersCount} 人
      </Text>
      <Text className='ll-secondary setup-line'>提交时间：{formatDateTime(application.createdAt)}</Text>
      {application.status === 'pending' ? <Text className='ll-text setup-line'>居委会审核后，结果会显示在这里。</Text> : null}
      {application.status === 'approved' ? <Text className='ll-text setup-line'>已备案，你们的组织已列入社区组织名录。</Text> : null}
      {application.status === 'rejected' && application.reason ? <Text className='ll-text setup-line'>没有通过，原因：{application.reason}</Text> : null}
    </View>
  )
}

const EMPTY = { name: '', leader: '', membersCount: '', activities: '', venue: '' }

/** A community group applies for 备案 with its community's committee, and follows its applications. */
export default function OrgApplyPage() {
  const loggedIn = useRequireLogin('orgApply')
  const communities = useResource(() => call(routes.communities), { enabled: loggedIn })
  const mine = useResource(() => call(routes.myOrganisationApplications, { query: { pageSize: 50 } }), { enabled: loggedIn })
  const [communityId, setCommunityId] = useState<number>()
  const [form, setForm] = useState(EMPTY)
  const [error, setError] = useState<string>()
  const [sent, setSent] = useState<string>()

  const submit = async () => {
    setError(undefined)
    setSent(undefined)
    if (!communityId) return setError('请先选择所在社区')
    const membersCount = Number(form.membersCount)
    if (!Number.isInteger(membersCount) || membersCount < 1) return setError('请填写成员人数（数字）')
    try {
      const created = await call(routes.createOrganisationApplication, { body: { ...form, membersCount, communityId } })
      setSent(`已提交“${created.name}”的备案申请，居委会审核后会在下面显示结果。`)
      setForm(EMPTY)
      await mine.reload()
    } catch (e) {
      setError(messageOf(e))
    }
  }

  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }))

  return (
    <Page>
      <View className='ll-body'>
        <Text className='ll-section-title'>我的备案申请</Text>
        {mine.state.status === 'loading' && !mine.state.data ? (
          <LoadingState cards={1} />
        ) : mine.state.status === 'error' && !mine.state.data ? (
          <ErrorState error={mine.state.error} onRetry={() => void mine.reload()} />
        ) : mine.state.data?.items.length ? (
          mine.state.data.items.map((a) => <ApplicationCard key={a.id} application={a} />)
        ) : (
          <EmptyState title='还没有申请' description='你们的兴趣小组、志愿队想在社区备案，可以在下面填写申请。' />
        )}

        <Text className='ll-section-title'>申请备案</Text>
        <View className='ll-card' id='apply-form'>
          <View className='setup-field' id='apply-community'>
            <Text className='ll-text setup-field-label'>所在社区</Text>
            <View className='setup-choice'>
              {(communities.state.data?.items ?? []).map((c) => (
                <ChoiceButton key={c.id} selected={communityId === c.id} label={c.name} onClick={() => setCommunityId(c.id)} />
              ))}
            </View>
          </View>
          <Field id='apply-name' label='组织名称' value={form.name} maxLength={100} placeholder='如 幸福里太极拳队' onChange={(name) => set({ name })} />
          <Field id='apply-leader' label='负责人姓名' value={form.leader} maxLength={32} onChange={(leader) => set({ leader })} />
          <Field id='apply-members' label='成员人数' value={form.membersCount} type='number' maxLength={6} onChange={(membersCount) => set({ membersCount })} />
          <Field id='apply-activities' label='平时做什么' value={form.activities} multiline maxLength={500} onChange={(activities) => set({ activities })} />
          <Field id='apply-venue' label='活动地点' value={form.venue} maxLength={200} onChange={(venue) => set({ venue })} />
          {error ? (
            <View className='setup-error' role='alert' id='apply-error'>
              <Text className='ll-text'>{error}</Text>
            </View>
          ) : null}
          {sent ? (
            <View className='setup-notice' role='status' id='apply-sent'>
              <Text className='ll-text'>{sent}</Text>
            </View>
          ) : null}
          <Button id='apply-submit' size='large' type='primary' block onClick={() => void submit()}>
            提交备案申请
          </Button>
        </View>
      </View>
    </Page>
  )
}
