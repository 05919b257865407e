import { Text, View } from '@tarojs/components'
import { Input } from '../../../components/nutui'
import {
  blankOption,
  MAX_POLL_OPTIONS,
  MAX_POLL_QUESTIONS,
  newPollQuestion,
  pollQuestionHasText,
  withPollKind,
  type PollQuestionDraft,
  type PollQuestionErrors,
} from '../../../lib/pollForm'
import { Choice } from '../activity-form/FormParts'
import { OptionsEditor, QuestionCard, QuestionList, type QuestionControls } from '../shared/QuestionList'

const KINDS: { key: PollQuestionDraft['kind']; label: string }[] = [
  { key: 'single', label: '单选（只能选一个）' },
  { key: 'multiple', label: '多选（可以选几个）' },
]

interface Props {
  questions: PollQuestionDraft[]
  errors?: Record<string, PollQuestionErrors>
  onChange: (next: PollQuestionDraft[]) => void
}

/** The questions of a consultation: add, write options (each with an optional explanation), reorder, remove (asking first). */
export function PollQuestionsEditor({ questions, errors = {}, onChange }: Props) {
  return (
    <QuestionList
      id='poll-form-questions'
      questions={questions}
      keyOf={(q) => q.key}
      hasText={pollQuestionHasText}
      newQuestion={newPollQuestion}
      max={MAX_POLL_QUESTIONS}
      addId='poll-form-add-question'
      addText='＋ 再加一个问题'
      confirmId='pq-remove-confirm'
      onChange={onChange}
    >
      {(question, index, controls) => <PollQuestionCard index={index} count={questions.length} question={question} errors={errors[question.key]} {...controls} />}
    </QuestionList>
  )
}

interface CardProps extends QuestionControls<PollQuestionDraft> {
  index: number
  count: number
  question: PollQuestionDraft
  errors?: PollQuestionErrors
}

function PollQuestionCard({ index, count, question, errors, onChange, onMove, onRemove }: CardProps) {
  const id = `pq-${index}`
  return (
    <QuestionCard id={id} index={index} count={count} keepLast onMove={onMove} onRemove={onRemove}>
      <View className='form-question-row'>
        <Text className='ll-text form-question-label'>问题</Text>
        <View className='ll-input-wrap'>
          <Input id={`${id}-title`} value={question.title} placeholder='比如：您是否同意增设充电棚？' maxLength={100} onChange={(title) => onChange({ ...question, title })} />
        </View>
        {errors?.title ? <Text className='ll-field-error'>{errors.title}</Text> : null}
      </View>
      <View className='form-question-row'>
        <Text className='ll-text form-question-label'>怎么选</Text>
        <Choice id={`${id}-kind`} options={KINDS} value={question.kind} onChange={(kind) => onChange(withPollKind(question, kind))} />
      </View>
      {question.kind === 'multiple' ? (
        <View className='form-question-row'>
          <View className='form-ages'>
            <Text className='ll-text'>最少选</Text>
            <View className='ll-input-wrap form-age'>
              <Input id={`${id}-min`} type='digit' value={question.minChoices} onChange={(v) => onChange({ ...question, minChoices: v })} />
            </View>
            <Text className='ll-text'>项，最多选</Text>
            <View className='ll-input-wrap form-age'>
              <Input id={`${id}-max`} type='digit' value={question.maxChoices} onChange={(v) => onChange({ ...question, maxChoices: v })} />
            </View>
            <Text className='ll-text'>项</Text>
          </View>
          {errors?.choices ? <Text className='ll-field-error'>{errors.choices}</Text> : null}
        </View>
      ) : null}
      <OptionsEditor
        id={id}
        options={question.options}
        error={errors?.options}
        max={MAX_POLL_OPTIONS}
        blank={blankOption}
        labelOf={(option) => option.label}
        withLabel={(option, label) => ({ ...option, label })}
        maxLength={40}
        details={(option, at, change) => (
          <View className='ll-input-wrap poll-form-option-description'>
            <Input
              id={`${id}-option-${at}-description`}
              value={option.description}
              placeholder='这个选项的说明（可以不写）'
              maxLength={200}
              onChange={(description) => change({ ...option, description })}
            />
          </View>
        )}
        onChange={(options) => onChange({ ...question, options })}
      />
    </QuestionCard>
  )
}
