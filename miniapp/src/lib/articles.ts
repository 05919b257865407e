import { articleKindLabels, articleStatusLabels, type ArticleStatus, type ArticleSummary } from '@linli/shared'
import type { ChipTone } from './activities'
import { storedHtmlForH5 } from './bodyBlocks'
import { formatDateTime } from './format'

const statusTones: Record<ArticleStatus, ChipTone> = { draft: 'neutral', scheduled: 'pending', published: 'approved', withdrawn: 'rejected' }

export function articleStatusChip(status: ArticleStatus): { label: string; tone: ChipTone } {
  return { label: articleStatusLabels[status], tone: statusTones[status] }
}

export function articleKindLabel(article: Pick<ArticleSummary, 'kind'>): string {
  return articleKindLabels[article.kind]
}

/** 发布于 11月25日 周三 上午9:00 · 更新于 今天 下午3:00 · 128 人看过 */
export function articleMetaLine(article: Pick<ArticleSummary, 'status' | 'publishedAt' | 'updatedAt' | 'readCount'>, now: Date = new Date()): string {
  const parts: string[] = []
  if (article.publishedAt) parts.push(`${article.status === 'scheduled' ? '定时发布于' : '发布于'} ${formatDateTime(article.publishedAt, now)}`)
  if (article.updatedAt) parts.push(`更新于 ${formatDateTime(article.updatedAt, now)}`)
  if (article.status === 'published') parts.push(`${article.readCount} 人看过`)
  return parts.join(' · ')
}

/**
 * The body as RichText shows it: the server already kept only safe tags; pictures are made to fit the screen
 * here, because the mini-program's RichText applies no page styles to what is inside it.
 */
export function bodyForRichText(html: string): string {
  // H5's RichText assigns the markup with innerHTML: pass it through DOMPurify there too (the mini-program's RichText
  // renders its own nodes and runs no script).
  const safe = process.env.TARO_ENV === 'h5' ? storedHtmlForH5(html) : html
  return safe.replace(/<img /g, '<img style="max-width:100%;height:auto;display:block;margin:12px 0;border-radius:8px" ')
}

/** The schedule form's date and time (China time; HH:mm, or HH:mm:ss from the H5 input) as an ISO instant. */
export function scheduleInstant(date: string, time: string): string {
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+08:00`).toISOString()
}
