import type { SignupQuestion } from '@linli/shared'

/**
 * The sign-up questions of the staff activity form: drafts as typed (options may be blank while being
 * written), the list operations the editor offers, and the check that turns drafts into what the API takes.
 */

export type QuestionKind = SignupQuestion['kind']

export interface QuestionDraft {
  /** Stable across edits, so answers residents already gave stay with their question. */
  id: string
  kind: QuestionKind
  title: string
  required: boolean
  options: string[]
}

export interface QuestionErrors {
  title?: string
  options?: string
}

export const MAX_QUESTIONS = 10
export const MAX_OPTIONS = 10
const TITLE_MAX = 60
const OPTION_MAX = 30

export const questionKindLabels: Record<QuestionKind, string> = {
  single: '单选（只能选一个）',
  multiple: '多选（可以选几个）',
  text: '填空（自己写）',
}

export function draftsOf(questions: SignupQuestion[]): QuestionDraft[] {
  return questions.map((q) => ({ ...q, options: [...q.options] }))
}

/** A new single-choice question with two blank options, under an id no other question has. */
export function newQuestion(existing: QuestionDraft[]): QuestionDraft {
  const taken = new Set(existing.map((q) => q.id))
  let n = existing.length + 1
  while (taken.has(`q${n}`)) n++
  return { id: `q${n}`, kind: 'single', title: '', required: false, options: ['', ''] }
}

/** Moves a question (of any form) up (-1) or down (+1); at either end nothing changes. */
export function moveQuestion<Q>(list: Q[], index: number, delta: -1 | 1): Q[] {
  const target = index + delta
  if (target < 0 || target >= list.length) return list
  const next = [...list]
  ;[next[index], next[target]] = [next[target], next[index]]
  return next
}

/** A choice question always offers at least two option boxes; options typed for it survive a switch to 填空 and back. */
export function withKind(question: QuestionDraft, kind: QuestionKind): QuestionDraft {
  const options = [...question.options]
  while (kind !== 'text' && options.length < 2) options.push('')
  return { ...question, kind, options }
}

/** Whether removing the question would throw away something staff typed (then we ask first). */
export function hasText(question: QuestionDraft): boolean {
  return question.title.trim() !== '' || (question.kind !== 'text' && question.options.some((o) => o.trim() !== ''))
}

/** Checks every question the way the server will; blank option boxes are simply left out. */
export function validateQuestions(list: QuestionDraft[]): { errors: Record<string, QuestionErrors>; questions?: SignupQuestion[] } {
  const errors: Record<string, QuestionErrors> = {}
  const questions: SignupQuestion[] = []
  for (const draft of list) {
    const found: QuestionErrors = {}
    const title = draft.title.trim()
    if (!title) found.title = '请写上要问的问题'
    else if (title.length > TITLE_MAX) found.title = `问题最多 ${TITLE_MAX} 个字`
    const options = draft.kind === 'text' ? [] : draft.options.map((o) => o.trim()).filter(Boolean)
    if (draft.kind !== 'text') {
      if (options.length < 2) found.options = '选择题至少要有两个选项'
      else if (options.length > MAX_OPTIONS) found.options = `最多 ${MAX_OPTIONS} 个选项`
      else if (options.some((o) => o.length > OPTION_MAX)) found.options = `每个选项最多 ${OPTION_MAX} 个字`
      else if (new Set(options).size !== options.length) found.options = '有两个选项写得一样，请改一下'
    }
    if (found.title || found.options) errors[draft.id] = found
    questions.push({ id: draft.id, kind: draft.kind, title, required: draft.required, options })
  }
  return Object.keys(errors).length ? { errors } : { errors, questions }
}
