import { Text, View } from '@tarojs/components'
import type { PollListItem } from '@linli/shared'
import { electorateLine, pollChip, pollTimeLine, turnoutLine } from '../lib/polls'
import { ToneChip } from './ToneChip'

function myVoteText(poll: PollListItem): string | null {
  if (poll.phase === 'draft') return null
  if (poll.voted) return poll.voterMode === 'household' ? '✓ 您家已投票' : '✓ 您已投票'
  if (poll.phase === 'open') return '您还没有投票'
  if (poll.phase === 'upcoming') return null
  return '您没有参加这次投票'
}

/** One consultation in the 议事 list: what, its phase in words, until when, who votes, turnout and whether I voted. */
export function PollCard({ poll, voter, onOpen }: { poll: PollListItem; /** Whether I live in its community (staff may not). */ voter: boolean; onOpen: () => void }) {
  const chip = pollChip(poll.phase)
  const mine = voter ? myVoteText(poll) : null
  return (
    <View id={`poll-${poll.id}`} className='ll-card poll-card' hoverClass='activity-card-pressed' onClick={onOpen}>
      <View className='activity-card-top'>
        <Text className='activity-category'>议事投票</Text>
        <ToneChip label={chip.label} tone={chip.tone} />
      </View>
      <Text className='ll-heading activity-title'>{poll.title}</Text>
      <Text className='ll-text activity-line'>{pollTimeLine(poll)}</Text>
      <Text className='ll-secondary activity-line'>{electorateLine(poll)}</Text>
      {poll.turnout ? <Text className='ll-text activity-line poll-card-turnout'>{turnoutLine(poll.turnout, poll.voterMode)}</Text> : null}
      {mine ? <Text className={poll.voted ? 'll-text poll-card-mine poll-card-voted' : 'll-text poll-card-mine'}>{mine}</Text> : null}
      <Text className='activity-more'>{mine && poll.phase === 'open' && !poll.voted ? '去投票 ›' : '查看详情 ›'}</Text>
    </View>
  )
}
