import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ballotSecrecyLabels, passRuleLabels, resultsVisibilityLabels, routes, voterModeLabels } from '@linli/shared'
import { call } from '../../../api'
import { Button, Input } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { defaultPollValues, pollCommunityOptions, pollValuesOf, validatePollForm, type PollFormErrors, type PollFormValues, type PollQuestionDraft } from '../../../lib/pollForm'
import { replaceWith } from '../../../navigation'
import { BuildingPicker } from '../activity-form/AudienceEditor'
import { Choice, DateTime, Field, FormError, FormPending, useFormDraft } from '../activity-form/FormParts'
import { BodyEditor } from '../article-form/BodyEditor'
import { PollQuestionsEditor } from './PollQuestionsEditor'
import '../activity-form/index.css'
import '../article-form/BodyEditor.css'
import './index.css'

const options = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((key) => ({ key, label: labels[key] }))

/** The committee writes a consultation as a draft (or edits its draft); opening it happens on its page. */
export default function PollFormPage() {
  const { state: meState } = useMe('pollForm')
  const editId = Number(useRouter().params.id) || 0
  const me = meState.data
  const setup = useResource(
    async () => {
      const [communities, poll] = await Promise.all([call(routes.communities), editId ? call(routes.getPoll, { params: { id: editId } }) : Promise.resolve(null)])
      return { communities: communities.items, poll }
    },
    { enabled: Boolean(me) },
  )
  const { values, setValues, errors, setErrors, serverError, saving, change, check, send } = useFormDraft<PollFormValues, PollFormErrors>()

  const communities = me && setup.state.data ? pollCommunityOptions(me, setup.state.data.communities) : []
  useEffect(() => {
    if (values || !setup.state.data || !me) return
    const { poll } = setup.state.data
    setValues(poll ? pollValuesOf(poll) : defaultPollValues(new Date(), communities[0]?.communityId ?? null))
  }, [setup.state.data, me, values, communities])

  if (!me || !values) return <FormPending reads={[meState, setup.state]} onRetry={setup.reload} />

  const changeQuestions = (questions: PollQuestionDraft[]) => {
    setValues({ ...values, questions })
    if (errors.questionItems) setErrors({ ...errors, questions: undefined, questionItems: undefined })
  }
  const editingPublished = Boolean(editId && setup.state.data?.poll && setup.state.data.poll.phase !== 'draft')

  const save = async () => {
    const checked = validatePollForm(values)
    if (!check(checked)) return
    const { body } = checked
    await send(async () => {
      if (editId) {
        const { communityId: _c, ...changes } = body
        await call(routes.updatePoll, { params: { id: editId }, body: changes })
        replaceWith('poll', { id: editId })
      } else {
        const created = await call(routes.createPoll, { body })
        replaceWith('poll', { id: created.id })
      }
    })
  }

  const number = (key: 'minBallots' | 'quorumPercent', id: string, placeholder: string) => (
    <View className='ll-input-wrap poll-form-number'>
      <Input id={id} type='digit' value={values[key]} placeholder={placeholder} onChange={(v) => change({ [key]: v })} />
    </View>
  )

  return (
    <Page
      footer={
        editingPublished ? undefined : (
          <Button id='poll-form-save' type='primary' size='xlarge' block loading={saving} onClick={save}>
            {editId ? '保存修改' : '保存为草稿'}
          </Button>
        )
      }
    >
      <StaffFrame current='consult'>
        <View className='ll-body form'>
          <Text className='ll-title'>{editId ? '修改议事投票' : '发起议事投票'}</Text>
          <Text className='ll-secondary'>先保存为草稿，在投票页面检查无误后再点“发布投票”，居民才能看到。发布后题目和规则就不能再改了。</Text>
          {editingPublished ? (
            <View className='ll-notice'>
              <Text className='ll-text'>这个投票已经发布，题目和规则不能再修改了。</Text>
            </View>
          ) : null}
          <FormError id='poll-form-error' text={serverError} />

          <Field label='在哪个社区投票' error={errors.communityId}>
            {communities.length > 1 && !editId ? (
              <Choice
                id='poll-form-community'
                options={communities.map((c) => ({ key: String(c.communityId), label: c.label }))}
                value={String(values.communityId ?? '')}
                onChange={(v) => change({ communityId: Number(v), buildings: [] })}
              />
            ) : (
              <Text className='ll-text'>{communities.find((c) => c.communityId === values.communityId)?.label ?? setup.state.data?.poll?.communityName ?? '您没有可以发起投票的社区'}</Text>
            )}
          </Field>
          <Field label='投票题目' error={errors.title}>
            <View className='ll-input-wrap'>
              <Input id='poll-form-title' value={values.title} placeholder='比如：小区南门增设电动车充电棚' maxLength={60} onChange={(v) => change({ title: v })} />
            </View>
          </Field>
          <Field label='议题说明' hint='为什么要投票、有哪些方案、要花多少钱。可以加标题、加粗、列表和图片。' error={errors.background}>
            <BodyEditor
              id='poll-form-background'
              label='议题说明'
              placeholder='写给居民看的背景说明'
              linkHint='请把要去的地方或要办的事直接写清楚'
              initial={values.background}
              onChange={(background) => change({ background })}
            />
          </Field>
          <Field label='谁可以投票'>
            <Choice
              id='poll-form-scope'
              options={[
                { key: 'community', label: '全社区的认证居民' },
                { key: 'buildings', label: '指定楼栋的认证居民' },
              ]}
              value={values.scope}
              onChange={(scope) => change({ scope })}
            />
          </Field>
          {values.scope === 'buildings' && values.communityId ? (
            <Field label='哪几栋楼' hint='点楼栋选上，再点一次取消' error={errors.buildings}>
              <BuildingPicker communityId={values.communityId} chosen={values.buildings} onChange={(buildings) => change({ buildings })} />
            </Field>
          ) : null}
          <Field label='每人一票还是每户一票' hint='每户一票时，家里任何一位认证居民都可以代表全家投'>
            <Choice id='poll-form-voterMode' options={options(voterModeLabels)} value={values.voterMode} onChange={(voterMode) => change({ voterMode })} />
          </Field>
          <Field label='记名还是无记名' hint='无记名：谁投了什么，任何人（包括居委会）都查不到'>
            <Choice id='poll-form-secrecy' options={options(ballotSecrecyLabels)} value={values.secrecy} onChange={(secrecy) => change({ secrecy })} />
          </Field>
          <Field label='问题和选项' error={errors.questions}>
            <PollQuestionsEditor questions={values.questions} errors={errors.questionItems} onChange={changeQuestions} />
          </Field>
          <Field label='开始投票'>
            <DateTime id='poll-form-opens' date={values.opensDate} time={values.opensTime} onDate={(v) => change({ opensDate: v })} onTime={(v) => change({ opensTime: v })} />
          </Field>
          <Field label='投票截止' error={errors.closesDate}>
            <DateTime id='poll-form-closes' date={values.closesDate} time={values.closesTime} onDate={(v) => change({ closesDate: v })} onTime={(v) => change({ closesTime: v })} />
          </Field>
          <Field label='什么时候公布票数'>
            <Choice id='poll-form-results' options={options(resultsVisibilityLabels)} value={values.resultsVisibility} onChange={(resultsVisibility) => change({ resultsVisibility })} />
          </Field>
          <Field label='至少多少票才显示各选项票数' hint='票太少时显示票数，别人可能猜出谁投了什么' error={errors.minBallots}>
            {number('minBallots', 'poll-form-minBallots', '比如：10')}
          </Field>
          <Field label='最低参与率（%）' hint='投票人数达到可投票人数的百分之几，结果才算数；不要求就填 0' error={errors.quorumPercent}>
            {number('quorumPercent', 'poll-form-quorum', '0 到 100')}
          </Field>
          <Field label='怎样算通过' hint='一个选项的得票'>
            <Choice id='poll-form-passRule' options={options(passRuleLabels)} value={values.passRule} onChange={(passRule) => change({ passRule })} />
          </Field>
          <Field label='意见箱' hint='居民投票时可以顺便写几句意见，和选票一样记名或不记名'>
            <Choice
              id='poll-form-opinions'
              options={[
                { key: 'off', label: '不开' },
                { key: 'on', label: '开放意见箱' },
              ]}
              value={values.opinionsEnabled ? 'on' : 'off'}
              onChange={(v) => change({ opinionsEnabled: v === 'on' })}
            />
          </Field>
        </View>
      </StaffFrame>
    </Page>
  )
}
