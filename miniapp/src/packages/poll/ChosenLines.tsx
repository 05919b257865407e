import { Text, View } from '@tarojs/components'
import type { BallotAnswer, PollQuestion } from '@linli/shared'
import { chosenLabels } from '../../lib/polls'

/** What a ballot chose, a question and its chosen options a line (on the confirmation, the receipt, my vote). */
export function ChosenLines({ questions, answers }: { questions: PollQuestion[]; answers: BallotAnswer[] }) {
  return (
    <>
      {chosenLabels(questions, answers).map((line) => (
        <View key={line.question} className='poll-choice-line'>
          <Text className='ll-secondary'>{line.question}</Text>
          <Text className='ll-text poll-choice-options'>{line.options.join('、')}</Text>
        </View>
      ))}
    </>
  )
}
