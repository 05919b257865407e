import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { routes } from '@linli/shared'
import { call } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { PagedListBody } from '../../../components/States'
import { usePagedList } from '../../../hooks/usePagedList'
import { usePagedListGestures } from '../../../hooks/usePullRefresh'
import { useRequireLogin } from '../../../hooks/useSession'
import { goTo } from '../../../navigation'
import '../poll.css'

const PAGE_SIZE = 20

/**
 * The committee reads what residents wrote in a closed consultation's opinion box: the words alone, a page at a
 * time, in an order that says nothing of who wrote them or when. Opinions waiting for review are only counted.
 */
export default function PollOpinionsPage() {
  const loggedIn = useRequireLogin('pollOpinions')
  const id = Number(useRouter().params.id)
  const [held, setHeld] = useState(0)
  const list = usePagedList(
    async (page) => {
      const result = await call(routes.pollOpinions, { params: { id }, query: { page, pageSize: PAGE_SIZE } })
      setHeld(result.held)
      return result
    },
    String(id),
    loggedIn && id > 0,
  )
  usePagedListGestures(list)

  return (
    <Page>
      <View className='ll-body'>
        <View className='ll-notice' role='note'>
          <Text className='ll-text'>这里是居民投票时写下的意见。为了保护投票秘密，不显示是谁写的、什么时候写的，顺序也是打乱的。</Text>
        </View>
        {held > 0 ? (
          <View id='opinions-held' className='ll-notice'>
            <Text className='ll-text'>另有 {held} 条意见待审核，审核通过后才会列在这里。</Text>
            <Button id='opinions-review' size='large' fill='outline' onClick={() => goTo('staffModeration')}>
              去审核
            </Button>
          </View>
        ) : null}
        <PagedListBody
          list={list}
          id='opinion-list'
          loadMoreId='opinions-more'
          empty={{ title: '还没有居民留言', description: held > 0 ? '写下的意见都还在等待审核。' : '这次投票，居民都没有写意见。', refresh: true }}
        >
          {list.items.map((item, i) => (
            <View key={i} id={`opinion-${i + 1}`} className='ll-card'>
              <Text className='ll-text poll-opinion'>{item.opinion}</Text>
            </View>
          ))}
        </PagedListBody>
      </View>
    </Page>
  )
}
