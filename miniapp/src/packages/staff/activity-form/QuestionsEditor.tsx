import { Text, View } from '@tarojs/components'
import { Input, Switch } from '../../../components/nutui'
import {
  hasText,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  newQuestion,
  questionKindLabels,
  withKind,
  type QuestionDraft,
  type QuestionErrors,
  type QuestionKind,
} from '../../../lib/signupQuestions'
import { OptionsEditor, QuestionCard, QuestionList, type QuestionControls } from '../shared/QuestionList'
import { Choice } from './FormParts'

const KINDS = (Object.keys(questionKindLabels) as QuestionKind[]).map((key) => ({ key, label: questionKindLabels[key] }))

interface QuestionsEditorProps {
  questions: QuestionDraft[]
  errors?: Record<string, QuestionErrors>
  onChange: (next: QuestionDraft[]) => void
}

/** Questions residents answer when signing up: add, write, reorder with 上移/下移, remove (asking first if anything was written). */
export function QuestionsEditor({ questions, errors = {}, onChange }: QuestionsEditorProps) {
  return (
    <QuestionList
      id='form-questions'
      questions={questions}
      keyOf={(q) => q.id}
      hasText={hasText}
      newQuestion={newQuestion}
      max={MAX_QUESTIONS}
      addId='form-add-question'
      addText='＋ 添加一个报名问题'
      confirmId='question-remove-confirm'
      empty={<Text className='ll-secondary form-hint'>报名时不需要回答问题，就不用添加。</Text>}
      onChange={onChange}
    >
      {(question, index, controls) => <SignupQuestionCard index={index} count={questions.length} question={question} errors={errors[question.id]} {...controls} />}
    </QuestionList>
  )
}

interface SignupQuestionCardProps extends QuestionControls<QuestionDraft> {
  index: number
  count: number
  question: QuestionDraft
  errors?: QuestionErrors
}

function SignupQuestionCard({ index, count, question, errors, onChange, onMove, onRemove }: SignupQuestionCardProps) {
  const id = `question-${index}`
  return (
    <QuestionCard id={id} index={index} count={count} onMove={onMove} onRemove={onRemove}>
      <View className='form-question-row'>
        <Text className='ll-text form-question-label'>怎么回答</Text>
        <Choice id={`${id}-kind`} options={KINDS} value={question.kind} onChange={(kind) => onChange(withKind(question, kind))} />
      </View>
      <View className='form-question-row'>
        <Text className='ll-text form-question-label'>问题</Text>
        <View className='ll-input-wrap'>
          <Input id={`${id}-title`} value={question.title} placeholder='比如：您需要接送吗' onChange={(title) => onChange({ ...question, title })} />
        </View>
        {errors?.title ? <Text className='ll-field-error'>{errors.title}</Text> : null}
      </View>
      {question.kind === 'text' ? null : (
        <OptionsEditor
          id={id}
          options={question.options}
          error={errors?.options}
          max={MAX_OPTIONS}
          blank={() => ''}
          labelOf={(option) => option}
          withLabel={(_, label) => label}
          onChange={(options) => onChange({ ...question, options })}
        />
      )}
      <View id={`${id}-required`} className='form-question-required' onClick={() => onChange({ ...question, required: !question.required })}>
        <Text className='ll-text'>{question.required ? '必须回答' : '可以不回答'}</Text>
        <Switch checked={question.required} activeText='必答' inactiveText='选答' />
      </View>
    </QuestionCard>
  )
}
