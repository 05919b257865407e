import { Text, View } from '@tarojs/components'
import type { PollDetail, PollResults } from '@linli/shared'
import { hiddenCountsText, outcomeLines, percent, turnoutLine } from '../../lib/polls'

/**
 * Turnout, then per question a bar per option with its count and share of the ballots (the adopted one marked
 * in words), then the verdict; or, while counts are hidden, when they will be shown.
 */
export function ResultsView({ results, poll, id }: { results: PollResults; poll: Pick<PollDetail, 'voterMode' | 'resultsVisibility' | 'minBallots'>; id: string }) {
  const hidden = hiddenCountsText(results, poll)
  const ballots = results.turnout?.ballotsCast ?? 0
  const overlapping = results.questions?.some((q) => q.options.reduce((sum, o) => sum + o.votes, 0) > ballots) ?? false
  return (
    <View id={id} className='poll-results'>
      {results.turnout ? (
        <Text id={`${id}-turnout`} className='ll-text poll-turnout'>
          {turnoutLine(results.turnout, poll.voterMode)}
        </Text>
      ) : null}
      {hidden ? (
        <View id={`${id}-hidden`} className='ll-notice poll-hidden'>
          <Text className='ll-text'>{hidden}</Text>
        </View>
      ) : null}
      {results.questions?.map((question) => (
        <View key={question.questionId} className='poll-result-question'>
          <Text className='ll-text poll-result-title'>{question.title}</Text>
          {question.options.map((option) => {
            const share = percent(option.votes, ballots)
            const adopted = question.adoptedOptionId === option.optionId
            return (
              <View key={option.optionId} id={`${id}-option-${option.optionId}`} className='poll-result-option'>
                <View className='poll-result-row'>
                  <Text className={adopted ? 'll-text poll-result-label poll-result-adopted' : 'll-text poll-result-label'}>
                    {adopted ? '✓ ' : ''}
                    {option.label}
                    {adopted ? '（通过）' : ''}
                  </Text>
                  <Text className='ll-text poll-result-count'>
                    {option.votes} 票 · {share}%
                  </Text>
                </View>
                <View className='poll-bar' aria-hidden='true'>
                  <View className={adopted ? 'poll-bar-fill poll-bar-adopted' : 'poll-bar-fill'} style={{ width: `${option.votes ? Math.min(Math.max(share, 1), 100) : 0}%` }} />
                </View>
              </View>
            )
          })}
        </View>
      ))}
      {results.questions?.length ? (
        <Text className='ll-secondary poll-result-note'>
          百分比是占全部 {ballots} 张选票的比例{overlapping ? '；多选题一张票可以选几项，所以加起来会超过 100%' : ''}。
        </Text>
      ) : null}
      {results.outcome ? <Outcome outcome={results.outcome} id={`${id}-outcome`} /> : null}
    </View>
  )
}

function Outcome({ outcome, id }: { outcome: NonNullable<PollResults['outcome']>; id: string }) {
  const lines = outcomeLines(outcome)
  return (
    <View id={id} className={outcome.passed ? 'll-notice ll-notice-done poll-outcome' : 'll-notice poll-outcome'}>
      <Text className='ll-text'>{lines.quorum}</Text>
      <Text className='ll-heading poll-verdict'>{lines.verdict}</Text>
    </View>
  )
}
