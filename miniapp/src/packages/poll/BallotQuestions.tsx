import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PollQuestion } from '@linli/shared'
import { choiceRule, toggleOption, type Selections } from '../../lib/polls'

interface BallotQuestionsProps {
  questions: PollQuestion[]
  selections: Selections
  /** What to fix, per question id (after 投票 was tapped). */
  problems?: Record<number, string>
  /** Without it the questions are shown to read, not to choose. */
  onChange?: (next: Selections) => void
}

/**
 * The questions of a ballot: each option a big row with its word (○ 未选 / ✓ 选中), the rule above it
 * (单选 / 多选，最多选 2 项) and, in red, what is still missing.
 */
export function BallotQuestions({ questions, selections, problems = {}, onChange }: BallotQuestionsProps) {
  const [refused, setRefused] = useState<{ questionId: number; text: string } | null>(null)
  return (
    <View id='poll-questions'>
      {questions.map((question, index) => {
        const chosen = selections[question.id] ?? []
        const multiple = question.kind === 'multiple'
        const tap = (optionId: number) => {
          if (!onChange) return
          const next = toggleOption(question, chosen, optionId)
          setRefused(next.refused ? { questionId: question.id, text: next.refused } : null)
          onChange({ ...selections, [question.id]: next.chosen })
        }
        const problem = refused?.questionId === question.id ? refused.text : problems[question.id]
        return (
          <View key={question.id} id={`poll-question-${question.id}`} className='ll-card ballot-question'>
            <Text className='ll-secondary ballot-rule'>
              第 {index + 1} 题 · {choiceRule(question)}
            </Text>
            <Text className='ll-heading ballot-title'>{question.title}</Text>
            <View className='ballot-options' role={multiple ? 'group' : 'radiogroup'}>
              {question.options.map((option) => {
                const on = chosen.includes(option.id)
                return (
                  <View
                    key={option.id}
                    id={`poll-option-${option.id}`}
                    className={[onChange ? 'ballot-option' : 'ballot-option ballot-option-static', on ? 'ballot-option-on' : ''].join(' ')}
                    role={onChange ? (multiple ? 'checkbox' : 'radio') : undefined}
                    aria-checked={onChange ? on : undefined}
                    data-chosen={on ? 'true' : 'false'}
                    onClick={() => tap(option.id)}
                  >
                    {onChange ? <Text className={multiple ? 'ballot-mark' : 'ballot-mark ballot-mark-round'}>{on ? '✓' : ''}</Text> : null}
                    <View className='ballot-option-words'>
                      <Text className='ll-text ballot-option-label'>{option.label}</Text>
                      {option.description ? <Text className='ll-secondary'>{option.description}</Text> : null}
                    </View>
                  </View>
                )
              })}
            </View>
            {problem ? (
              <View id={`poll-question-${question.id}-problem`} role='alert'>
                <Text className='ll-field-error'>{problem}</Text>
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
