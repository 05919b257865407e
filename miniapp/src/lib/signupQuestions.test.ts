import { hasText, moveQuestion, newQuestion, validateQuestions, withKind, type QuestionDraft } from './signupQuestions'

const q = (id: string, overrides: Partial<QuestionDraft> = {}): QuestionDraft => ({ id, kind: 'single', title: `问题${id}`, required: false, options: ['是', '否'], ...overrides })

describe('sign-up questions in the activity form', () => {
  it('gives a new question an id no other has, and two blank options to fill', () => {
    expect(newQuestion([])).toEqual({ id: 'q1', kind: 'single', title: '', required: false, options: ['', ''] })
    expect(newQuestion([q('q1'), q('phone')]).id).toBe('q3')
    expect(newQuestion([q('q2'), q('q3')]).id).toBe('q4')
    expect(newQuestion([q('q3')]).id).toBe('q2')
  })

  it('moves a question up or down, and not past either end', () => {
    const list = [q('a'), q('b'), q('c')]
    expect(moveQuestion(list, 2, -1).map((x) => x.id)).toEqual(['a', 'c', 'b'])
    expect(moveQuestion(list, 0, 1).map((x) => x.id)).toEqual(['b', 'a', 'c'])
    expect(moveQuestion(list, 0, -1)).toBe(list)
    expect(moveQuestion(list, 2, 1)).toBe(list)
  })

  it('keeps typed options through a switch to 填空 and back, and offers two boxes to a new choice question', () => {
    const text = withKind(q('a', { options: ['有', '没有', '不知道'] }), 'text')
    expect(withKind(text, 'multiple').options).toEqual(['有', '没有', '不知道'])
    expect(withKind(q('b', { kind: 'text', options: [] }), 'single').options).toEqual(['', ''])
  })

  it('asks before removing only when something was written', () => {
    expect(hasText(q('a', { title: '  ', options: ['', ' '] }))).toBe(false)
    expect(hasText(q('a', { title: '', options: ['', '有'] }))).toBe(true)
    expect(hasText(q('a', { title: '', kind: 'text', options: ['之前写的选项'] }))).toBe(false)
    expect(hasText(q('a', { title: '接送吗' }))).toBe(true)
  })

  it('turns finished drafts into what the server takes: trimmed, blank options left out, text questions without options', () => {
    const result = validateQuestions([
      q('q1', { title: ' 需要接送吗 ', required: true, options: [' 需要', '', '不需要 '] }),
      q('q2', { kind: 'text', title: '有什么忌口', options: ['旧选项'] }),
    ])
    expect(result).toEqual({
      errors: {},
      questions: [
        { id: 'q1', kind: 'single', title: '需要接送吗', required: true, options: ['需要', '不需要'] },
        { id: 'q2', kind: 'text', title: '有什么忌口', required: false, options: [] },
      ],
    })
  })

  it('says what is wrong with each unfinished question', () => {
    const result = validateQuestions([
      q('a', { title: '' }),
      q('b', { options: ['只有一个', ' '] }),
      q('c', { options: ['一样', '一样'] }),
      q('d', { title: '长'.repeat(61), options: ['好', '长'.repeat(31)] }),
      q('e', { options: Array.from({ length: 11 }, (_, i) => `选项${i}`) }),
      q('ok'),
    ])
    expect(result.questions).toBeUndefined()
    expect(result.errors).toEqual({
      a: { title: '请写上要问的问题' },
      b: { options: '选择题至少要有两个选项' },
      c: { options: '有两个选项写得一样，请改一下' },
      d: { title: '问题最多 60 个字', options: '每个选项最多 30 个字' },
      e: { options: '最多 10 个选项' },
    })
  })
})
