import type { ArticleDetail, ArticleKind, CreateArticle, UpdateArticle } from '@linli/shared'
import { scheduleInstant } from './articles'

export interface ArticleFormValues {
  communityId: number
  kind: ArticleKind
  title: string
  coverUrl: string | null
  summary: string
  body: string
  activityId: number | null
  /** The consultation the article is about, or null. */
  pollId: number | null
  pinned: boolean
  /** now: publish at once; later: at `date` `time` (China time); draft: only save. */
  when: 'now' | 'later' | 'draft'
  date: string
  time: string
}

export type ArticleFormErrors = Partial<Record<'title' | 'body' | 'when', string>>

const pad = (n: number) => String(n).padStart(2, '0')

/** Tomorrow at 8:00 China time, as the schedule pickers want it. */
export function defaultSchedule(now: Date): { date: string; time: string } {
  const china = new Date(now.getTime() + 8 * 3600_000 + 24 * 3600_000)
  return { date: `${china.getUTCFullYear()}-${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())}`, time: '08:00' }
}

export function newArticleValues(communityId: number, now: Date): ArticleFormValues {
  return { communityId, kind: 'notice', title: '', coverUrl: null, summary: '', body: '', activityId: null, pollId: null, pinned: false, when: 'now', ...defaultSchedule(now) }
}

export function articleValuesOf(article: ArticleDetail, now: Date): ArticleFormValues {
  return {
    communityId: article.communityId,
    kind: article.kind,
    title: article.title,
    coverUrl: article.coverUrl,
    summary: article.summary,
    body: article.body,
    activityId: article.activityId,
    pollId: article.pollId,
    pinned: article.pinned,
    when: article.status === 'published' ? 'now' : 'draft',
    ...defaultSchedule(now),
  }
}

/** Whether the body has words or a picture (the editor leaves empty paragraphs behind). */
export function bodyHasContent(html: string): boolean {
  return /<img\s/i.test(html) || html.replace(/<[^>]*>|&nbsp;|\s/g, '').length > 0
}

export function validateArticleForm(values: ArticleFormValues, now: Date): ArticleFormErrors {
  const errors: ArticleFormErrors = {}
  if (!values.title.trim()) errors.title = '请填写标题'
  else if (values.title.trim().length > 60) errors.title = '标题最多 60 个字'
  if (values.when !== 'draft' && !bodyHasContent(values.body)) errors.body = '请写好正文再发布'
  if (values.when === 'later' && Date.parse(scheduleInstant(values.date, values.time)) <= now.getTime()) {
    errors.when = '定时发布的时间已经过了，请选一个以后的时间'
  }
  return errors
}

export function createRequestOf(values: ArticleFormValues): CreateArticle {
  return {
    communityId: values.communityId,
    kind: values.kind,
    title: values.title.trim(),
    coverUrl: values.coverUrl,
    summary: values.summary.trim(),
    body: values.body,
    activityId: values.activityId,
    pollId: values.pollId,
    pinned: values.pinned,
  }
}

export function updateRequestOf(values: ArticleFormValues): UpdateArticle {
  const { communityId: _, ...rest } = createRequestOf(values)
  return rest
}
