import { Fragment, useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button, Input } from '../../../components/nutui'
import { moveQuestion } from '../../../lib/signupQuestions'

/** What a question card does to its own place in the list. */
export interface QuestionControls<Q> {
  onChange: (question: Q) => void
  onMove: (delta: -1 | 1) => void
  onRemove: () => void
}

interface QuestionListProps<Q extends { title: string }> {
  id: string
  questions: Q[]
  keyOf: (question: Q) => string
  /** Whether removing it would throw away something written (then we ask first). */
  hasText: (question: Q) => boolean
  newQuestion: (list: Q[]) => Q
  max: number
  addId: string
  addText: string
  confirmId: string
  /** Shown above the add button while there are no questions. */
  empty?: ReactNode
  onChange: (next: Q[]) => void
  children: (question: Q, index: number, controls: QuestionControls<Q>) => ReactNode
}

/** A form's list of questions: add up to `max`, change, reorder, remove (asking first if anything was written). */
export function QuestionList<Q extends { title: string }>(props: QuestionListProps<Q>) {
  const { id, questions, keyOf, hasText, newQuestion, max, addId, addText, confirmId, empty, onChange, children } = props
  const [removing, setRemoving] = useState<number | null>(null)
  const remove = (index: number) => onChange(questions.filter((_, i) => i !== index))
  const controls = (index: number): QuestionControls<Q> => ({
    onChange: (question) => onChange(questions.map((q, i) => (i === index ? question : q))),
    onMove: (delta) => onChange(moveQuestion(questions, index, delta)),
    onRemove: () => (hasText(questions[index]) ? setRemoving(index) : remove(index)),
  })
  const removingTitle = removing !== null ? questions[removing]?.title.trim() : ''

  return (
    <View id={id}>
      {questions.length === 0 ? empty : null}
      {questions.map((question, index) => (
        <Fragment key={keyOf(question)}>{children(question, index, controls(index))}</Fragment>
      ))}
      {questions.length < max ? (
        <Button id={addId} className='form-add-question' size='large' block fill='outline' onClick={() => onChange([...questions, newQuestion(questions)])}>
          {addText}
        </Button>
      ) : (
        <Text className='ll-secondary'>最多 {max} 个问题</Text>
      )}
      <ConfirmDialog
        visible={removing !== null}
        title={`删除第 ${(removing ?? 0) + 1} 题？`}
        text={removingTitle ? `“${removingTitle}”和它的选项都会删掉。` : '这道题写好的选项都会删掉。'}
        confirmId={confirmId}
        confirmText='确认删除'
        cancelText='不删了'
        danger
        onConfirm={() => {
          if (removing !== null) remove(removing)
        }}
        onClose={() => setRemoving(null)}
      />
    </View>
  )
}

interface QuestionCardProps {
  /** The card's id; its buttons' ids start with it. */
  id: string
  index: number
  count: number
  /** The last question may not be removed (e.g. a consultation needs one). */
  keepLast?: boolean
  onMove: (delta: -1 | 1) => void
  onRemove: () => void
  children: ReactNode
}

/** One question: 第 N 题, its fields, then 上移 / 下移 / 删除. */
export function QuestionCard({ id, index, count, keepLast, onMove, onRemove, children }: QuestionCardProps) {
  return (
    <View id={id} className='ll-card form-question'>
      <Text className='ll-heading'>第 {index + 1} 题</Text>
      {children}
      <View className='ll-button-row'>
        <Button id={`${id}-up`} size='large' fill='outline' disabled={index === 0} onClick={() => onMove(-1)}>
          上移
        </Button>
        <Button id={`${id}-down`} size='large' fill='outline' disabled={index === count - 1} onClick={() => onMove(1)}>
          下移
        </Button>
        <Button id={`${id}-remove`} size='large' fill='outline' type='danger' disabled={keepLast && count === 1} onClick={onRemove}>
          删除
        </Button>
      </View>
    </View>
  )
}

interface OptionsEditorProps<O> {
  /** The question card's id; option ids start with it. */
  id: string
  options: O[]
  error?: string
  max: number
  blank: () => O
  labelOf: (option: O) => string
  withLabel: (option: O, label: string) => O
  maxLength?: number
  /** More to write about an option, under its box (e.g. an explanation). */
  details?: (option: O, at: number, change: (option: O) => void) => ReactNode
  onChange: (options: O[]) => void
}

/** A question's options: a box each, 删掉 while more than two are left, ＋ 加一个选项 up to `max`. */
export function OptionsEditor<O>({ id, options, error, max, blank, labelOf, withLabel, maxLength, details, onChange }: OptionsEditorProps<O>) {
  const set = (at: number, option: O) => onChange(options.map((o, i) => (i === at ? option : o)))
  return (
    <View className='form-question-row'>
      <Text className='ll-text form-question-label'>选项</Text>
      {options.map((option, at) => {
        const row = (
          <View key={at} className='form-option'>
            <View className='ll-input-wrap form-option-input'>
              <Input id={`${id}-option-${at}`} value={labelOf(option)} placeholder={`第 ${at + 1} 个选项`}
                {...(maxLength ? { maxLength } : {})}
                onChange={(label) => set(at, withLabel(option, label))} />
            </View>
            {options.length > 2 ? (
              <Button id={`${id}-option-${at}-remove`} size='large' fill='outline' onClick={() => onChange(options.filter((_, i) => i !== at))}>
                删掉
              </Button>
            ) : null}
          </View>
        )
        return details ? (
          <View key={at} className='form-option-with-details'>
            {row}
            {details(option, at, (next) => set(at, next))}
          </View>
        ) : (
          row
        )
      })}
      {error ? <Text className='ll-field-error'>{error}</Text> : null}
      {options.length < max ? (
        <Button id={`${id}-add-option`} size='large' fill='outline' onClick={() => onChange([...options, blank()])}>
          ＋ 加一个选项
        </Button>
      ) : null}
    </View>
  )
}
