import { Image, Text, View } from '@tarojs/components'
import type { ArticleSummary } from '@linli/shared'
import { articleKindLabel, articleMetaLine, articleStatusChip } from '../lib/articles'
import { ToneChip } from './ToneChip'

/** One article in a list: its kind, title, summary, cover, and when it went out; staff also see its state. */
export function ArticleCard({ article, onOpen, showStatus = false }: { article: ArticleSummary; onOpen: () => void; showStatus?: boolean }) {
  const chip = articleStatusChip(article.status)
  return (
    <View id={`article-${article.id}`} className='ll-card article-card' hoverClass='activity-card-pressed' onClick={onOpen}>
      {article.coverUrl ? <Image className='activity-card-cover' src={article.coverUrl} mode='aspectFill' lazyLoad /> : null}
      <View className='activity-card-top'>
        <Text className='activity-category'>{article.pinned ? `置顶 · ${articleKindLabel(article)}` : articleKindLabel(article)}</Text>
        {showStatus ? <ToneChip label={chip.label} tone={chip.tone} /> : null}
      </View>
      <Text className='ll-heading activity-title'>{article.title}</Text>
      {article.summary ? <Text className='ll-text activity-line'>{article.summary}</Text> : null}
      <Text className='ll-secondary activity-line'>{articleMetaLine(article)}</Text>
      <Text className='activity-more'>阅读全文 ›</Text>
    </View>
  )
}
