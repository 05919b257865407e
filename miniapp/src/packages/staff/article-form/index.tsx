import { useEffect, useRef, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { articleKindLabels, pollPhaseLabels, routes, type ArticleKind } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button, Input, Switch, TextArea } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { organiserOptions } from '../../../lib/activityForm'
import { scheduleInstant } from '../../../lib/articles'
import type { Block, Inline } from '../../../lib/bodyBlocks'
import { articleValuesOf, createRequestOf, newArticleValues, updateRequestOf, validateArticleForm, type ArticleFormErrors, type ArticleFormValues } from '../../../lib/articleForm'
import { formatDateTime } from '../../../lib/format'
import { replaceWith } from '../../../navigation'
import { CoverPicker } from '../activity-form/CoverPicker'
import { Choice, Field } from '../activity-form/FormParts'
import { BodyEditor, type BodyEditorHandle } from './BodyEditor'
import '../activity-form/index.css'
import './BodyEditor.css'
import './index.css'

const KINDS = (Object.keys(articleKindLabels) as ArticleKind[]).map((key) => ({ key, label: articleKindLabels[key] }))

/** Staff write or edit an article, and publish it now, at a set time, or keep it as a draft. */
export default function ArticleFormPage() {
  const { state: meState } = useMe('articleForm')
  const me = meState.data
  const editId = Number(useRouter().params.id) || 0
  const setup = useResource(
    async () => {
      const [communities, organisations, article] = await Promise.all([
        call(routes.communities),
        call(routes.organisations),
        editId ? call(routes.getArticle, { params: { id: editId } }) : Promise.resolve(null),
      ])
      return { communities: communities.items, organisations: organisations.items, article }
    },
    { enabled: Boolean(me) },
  )
  const [values, setValues] = useState<ArticleFormValues | null>(null)
  const [errors, setErrors] = useState<ArticleFormErrors>({})
  const [serverError, setServerError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [pulling, setPulling] = useState(false)
  const editor = useRef<BodyEditorHandle>(null)

  // Communities I may write in (an organisation's staff: those it serves).
  const communities = me && setup.state.data ? [...new Map(organiserOptions(me, setup.state.data.communities, setup.state.data.organisations).map((o) => [o.communityId, o])).values()] : []
  // What an article is usually about: the next activities (a preview) and the latest ones (a review).
  const activities = useResource(
    async () => {
      const query = { manage: 'true', communityId: values!.communityId, pageSize: 6 } as const
      const [upcoming, past] = await Promise.all([
        call(routes.listActivities, { query: { ...query, range: 'upcoming' } }),
        call(routes.listActivities, { query: { ...query, range: 'past' } }),
      ])
      return [...upcoming.items, ...past.items].filter((a) => a.status !== 'draft')
    },
    { enabled: Boolean(values), key: values?.communityId ?? 0 },
  )
  // The community's consultations residents can see (drafts are for staff only), latest first.
  const polls = useResource(
    async () => {
      const page = await call(routes.listPolls, { query: { manage: 'true', communityId: values!.communityId, pageSize: 10 } })
      return page.items.filter((p) => p.phase !== 'draft')
    },
    { enabled: Boolean(values), key: values?.communityId ?? 0 },
  )

  useEffect(() => {
    if (values || !setup.state.data || !me) return
    const { article } = setup.state.data
    setValues(article ? articleValuesOf(article, new Date()) : newArticleValues(communities[0]?.communityId ?? 0, new Date()))
  }, [setup.state.data, me, values, communities])

  if (!me || !values) {
    const error = meState.status === 'error' ? meState.error : setup.state.status === 'error' ? setup.state.error : undefined
    return (
      <Page>
        <StaffFrame current='staffArticles'>{error ? <ErrorState error={error} onRetry={setup.reload} /> : <LoadingState cards={3} />}</StaffFrame>
      </Page>
    )
  }

  const existing = setup.state.data?.article ?? null
  const live = existing?.status === 'published'
  const set = <K extends keyof ArticleFormValues>(key: K, value: ArticleFormValues[K]) => setValues((v) => (v ? { ...v, [key]: value } : v))
  const activityOptions = activities.state.data ?? []
  const linked = activityOptions.find((a) => a.id === values.activityId)
  const pollOptions = (polls.state.data ?? []).map((p) => ({ key: String(p.id), label: `${p.title}（${pollPhaseLabels[p.phase]}）` }))
  // A link to a consultation not among the latest ones stays choosable as it is.
  if (values.pollId !== null && !pollOptions.some((o) => o.key === String(values.pollId))) {
    pollOptions.unshift({ key: String(values.pollId), label: '现在关联的议事投票' })
  }

  /** A review pulls in the activity's attendance figures and its cover photo. */
  const pullActivityFigures = async () => {
    if (!linked) return
    setPulling(true)
    try {
      const attendees = await call(routes.listSignups, { params: { id: linked.id } })
      const attended = attendees.items.filter((s) => s.status === 'attended').reduce((n, s) => n + s.size, 0)
      const volunteers = attendees.items.filter((s) => s.role === 'volunteer' && s.status === 'attended').length
      // The activity's title and cover are other people's words: they go in as text and an attribute, never as markup.
      const figures: Inline[] = [
        `「${linked.title}」于 ${formatDateTime(linked.startsAt)} 举行，共有 `,
        { strong: `${attendees.fill.seatsTaken} 人` },
        '报名，',
        { strong: `${attended} 人` },
        `到场签到${volunteers ? `，${volunteers} 位志愿者参与服务` : ''}。`,
      ]
      const blocks: Block[] = [{ paragraph: figures }]
      if (linked.coverUrl) blocks.push({ image: { src: linked.coverUrl, alt: linked.title } })
      editor.current?.append(blocks)
    } catch (error) {
      setServerError(messageOf(error))
    } finally {
      setPulling(false)
    }
  }

  const submit = async () => {
    const found = validateArticleForm(values, new Date())
    setErrors(found)
    setServerError(undefined)
    if (Object.keys(found).length) return
    setSaving(true)
    try {
      const saved = existing
        ? await call(routes.updateArticle, { params: { id: existing.id }, body: updateRequestOf(values) })
        : await call(routes.createArticle, { body: createRequestOf(values) })
      if (!live && values.when !== 'draft') {
        await call(routes.publishArticle, {
          params: { id: saved.id },
          body: values.when === 'later' ? { publishAt: scheduleInstant(values.date, values.time) } : {},
        })
      }
      replaceWith('staffArticles')
    } catch (error) {
      setServerError(messageOf(error))
    } finally {
      setSaving(false)
    }
  }

  const action = live ? '保存修改' : values.when === 'now' ? '保存并发布' : values.when === 'later' ? '保存，到时自动发布' : '保存草稿'
  return (
    <Page
      footer={
        <Button id='article-submit' type='primary' size='xlarge' block loading={saving} onClick={submit}>
          {action}
        </Button>
      }
    >
      <StaffFrame current='staffArticles'>
        <View className='ll-body' id='article-form'>
          {communities.length > 1 && !existing ? (
            <Field label='发布到哪个社区'>
              <Choice id='article-community' options={communities.map((c) => ({ key: String(c.communityId), label: c.label }))} value={String(values.communityId)} onChange={(v) => setValues((current) => (current ? { ...current, communityId: Number(v), activityId: null, pollId: null } : current))} />
            </Field>
          ) : null}
          <Field label='文章类型'>
            <Choice id='article-kind' options={KINDS} value={values.kind} onChange={(v) => set('kind', v)} />
          </Field>
          <Field label='标题' error={errors.title}>
            <Input id='article-title-input' value={values.title} placeholder='例如：本周三上午停水通知' maxLength={60} onChange={(v) => set('title', v)} />
          </Field>
          <Field label='封面图片（可以不放）'>
            <CoverPicker value={values.coverUrl} onChange={(url) => set('coverUrl', url)} />
          </Field>
          <Field label='摘要（列表里显示，可以不填）'>
            <TextArea id='article-summary' value={values.summary} placeholder='一两句话说清楚要点' maxLength={200} rows={2} onChange={(v) => set('summary', v)} />
          </Field>
          <Field label='正文' error={errors.body} hint='可以加标题、加粗、列表、链接和图片'>
            <BodyEditor
              ref={editor}
              id='article-body-editor'
              label='正文'
              placeholder='在这里写正文……'
              linkHint='要提到活动或投票，请在下面“关联活动”里选择'
              initial={values.body}
              onChange={(html) => set('body', html)}
            />
          </Field>
          <Field label='关联活动（可以不选）' hint='居民在文章下面就能直接去报名'>
            <Choice
              id='article-activity'
              options={[{ key: 'none', label: '不关联活动' }, ...activityOptions.map((a) => ({ key: String(a.id), label: `${a.title}（${formatDateTime(a.startsAt)}）` }))]}
              value={values.activityId === null ? 'none' : String(values.activityId)}
              onChange={(v) => set('activityId', v === 'none' ? null : Number(v))}
            />
            {linked && values.kind === 'review' ? (
              <Button id='article-pull-figures' className='article-pull' size='large' block fill='outline' loading={pulling} onClick={pullActivityFigures}>
                把这个活动的报名、签到人数和照片放进正文
              </Button>
            ) : null}
          </Field>
          {pollOptions.length > 0 ? (
            <Field label='关联议事投票（可以不选）' hint='居民在文章下面就能直接去看投票、参加投票'>
              <Choice
                id='article-poll'
                options={[{ key: 'none', label: '不关联议事投票' }, ...pollOptions]}
                value={values.pollId === null ? 'none' : String(values.pollId)}
                onChange={(v) => set('pollId', v === 'none' ? null : Number(v))}
              />
            </Field>
          ) : null}
          <Field label='置顶'>
            <View className='article-switch'>
              <Switch id='article-pinned' checked={values.pinned} onChange={(v) => set('pinned', v)} />
              <Text className='ll-text'>{values.pinned ? '置顶：放在首页最上面' : '不置顶'}</Text>
            </View>
          </Field>
          {live ? (
            <Text className='ll-secondary'>这篇文章已经发布，保存后居民会看到“更新于”。</Text>
          ) : (
            <Field label='什么时候发布' error={errors.when}>
              <Choice
                id='article-when'
                options={[
                  { key: 'now', label: '马上发布' },
                  { key: 'later', label: '定时发布' },
                  { key: 'draft', label: '先存草稿' },
                ]}
                value={values.when}
                onChange={(v) => set('when', v)}
              />
              {values.when === 'later' && process.env.TARO_ENV === 'h5' ? (
                // Desktop Chromium has a proper date-and-time field (to the second); the mini-program has pickers.
                <input
                  id='article-when-input'
                  className='form-picker article-when-input'
                  type='datetime-local'
                  step={1}
                  aria-label='发布时间'
                  value={`${values.date}T${values.time}`}
                  onChange={(e) => {
                    const [date, time] = e.target.value.split('T')
                    if (date && time) setValues((v) => (v ? { ...v, date, time } : v))
                  }}
                />
              ) : values.when === 'later' ? (
                <View className='form-when'>
                  <Picker mode='date' value={values.date} onChange={(e) => set('date', String(e.detail.value))}>
                    <View id='article-date' className='form-picker'>
                      {values.date}
                    </View>
                  </Picker>
                  <Picker mode='time' value={values.time} onChange={(e) => set('time', String(e.detail.value))}>
                    <View id='article-time' className='form-picker'>
                      {values.time}
                    </View>
                  </Picker>
                </View>
              ) : null}
            </Field>
          )}
          {serverError ? (
            <View id='article-form-error' className='ll-notice ll-notice-error' role='alert'>
              <Text className='ll-text'>{serverError}</Text>
            </View>
          ) : null}
        </View>
      </StaffFrame>
    </Page>
  )
}
