import { useState } from 'react'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { QuestionDraft, QuestionErrors } from '../../../lib/signupQuestions'
import { QuestionsEditor } from './QuestionsEditor'
import { byId, typeInto } from '../../../../test/dom'

/** The editor as the form holds it; `latest()` is what the form would save. */
function renderEditor(initial: QuestionDraft[] = [], errors?: Record<string, QuestionErrors>) {
  let current = initial
  function Host() {
    const [questions, setQuestions] = useState(initial)
    current = questions
    return <QuestionsEditor questions={questions} errors={errors} onChange={setQuestions} />
  }
  render(<Host />)
  return { latest: () => current }
}

const titles = () => [...document.querySelectorAll('[id$="-title"]')].map((e) => e.getAttribute('value'))

describe('报名问题 editor', () => {
  it('adds a choice question, writes it, adds an option and makes it required', async () => {
    const { latest } = renderEditor()
    expect(screen.getByText('报名时不需要回答问题，就不用添加。')).toBeTruthy()

    fireEvent.click(byId('form-add-question'))
    await typeInto('question-0-title', '您需要接送吗')
    await typeInto('question-0-option-0', '需要')
    await typeInto('question-0-option-1', '不需要')
    fireEvent.click(byId('question-0-add-option'))
    await typeInto('question-0-option-2', '看情况')
    expect(byId('question-0-required').textContent).toContain('可以不回答')
    fireEvent.click(byId('question-0-required'))

    expect(byId('question-0-required').textContent).toContain('必须回答')
    expect(latest()).toEqual([{ id: 'q1', kind: 'single', title: '您需要接送吗', required: true, options: ['需要', '不需要', '看情况'] }])
  })

  it('flips 必须回答 once whether the row or the switch itself is tapped', async () => {
    const { latest } = renderEditor([{ id: 'q1', kind: 'text', title: '有什么忌口', required: false, options: [] }])

    fireEvent.click(byId('question-0-required').querySelector('.nut-switch')!)
    await waitFor(() => expect(latest()[0].required).toBe(true))
    // The switch finishes its own tap a moment later: it must not flip the answer back.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(latest()[0].required).toBe(true)
    fireEvent.click(byId('question-0-required'))
    await waitFor(() => expect(latest()[0].required).toBe(false))
    expect(byId('question-0-required').querySelector('.nut-switch')?.className).toContain('nut-switch-close')
  })

  it('switches a question to 填空 (no options shown) and to 多选', () => {
    const { latest } = renderEditor([{ id: 'q1', kind: 'single', title: '想学什么', required: false, options: ['拍照', '视频'] }])

    fireEvent.click(byId('question-0-kind-text'))
    expect(document.getElementById('question-0-option-0')).toBeNull()
    expect(latest()[0].kind).toBe('text')

    fireEvent.click(byId('question-0-kind-multiple'))
    expect(byId('question-0-option-1').getAttribute('value')).toBe('视频')
    expect(byId('question-0-kind-multiple').textContent).toBe('✓ 多选（可以选几个）')
  })

  it('removes an option only while more than two remain', () => {
    const { latest } = renderEditor([{ id: 'q1', kind: 'single', title: '时段', required: false, options: ['上午', '下午', '晚上'] }])

    fireEvent.click(byId('question-0-option-1-remove'))

    expect(latest()[0].options).toEqual(['上午', '晚上'])
    expect(document.getElementById('question-0-option-0-remove')).toBeNull()
  })

  it('reorders with 上移 and 下移, which are off at the ends', () => {
    const { latest } = renderEditor([
      { id: 'q1', kind: 'text', title: '第一', required: false, options: [] },
      { id: 'q2', kind: 'text', title: '第二', required: false, options: [] },
      { id: 'q3', kind: 'text', title: '第三', required: false, options: [] },
    ])
    expect(byId('question-0-up').className).toContain('nut-button-disabled')
    expect(byId('question-2-down').className).toContain('nut-button-disabled')
    expect(byId('question-1-up').className).not.toContain('nut-button-disabled')

    fireEvent.click(byId('question-2-up'))
    expect(titles()).toEqual(['第一', '第三', '第二'])
    fireEvent.click(byId('question-0-down'))
    expect(titles()).toEqual(['第三', '第一', '第二'])
    expect(latest().map((q) => q.id)).toEqual(['q3', 'q1', 'q2'])
  })

  it('removes an empty question at once, and asks before removing one with words in it', async () => {
    const { latest } = renderEditor([
      { id: 'q1', kind: 'single', title: '', required: false, options: ['', ''] },
      { id: 'q2', kind: 'text', title: '有什么忌口', required: false, options: [] },
    ])

    fireEvent.click(byId('question-0-remove'))
    expect(latest().map((q) => q.id)).toEqual(['q2'])
    expect(document.getElementById('question-remove-confirm')).toBeNull()

    fireEvent.click(byId('question-0-remove'))
    await waitFor(() => byId('question-remove-confirm'))
    expect(document.body.textContent).toContain('删除第 1 题？')
    expect(document.body.textContent).toContain('“有什么忌口”和它的选项都会删掉。')
    fireEvent.click(byId('question-remove-confirm-back'))
    expect(latest().map((q) => q.id)).toEqual(['q2'])

    fireEvent.click(byId('question-0-remove'))
    await act(async () => {
      fireEvent.click(await waitFor(() => byId('question-remove-confirm')))
    })
    await waitFor(() => expect(latest()).toEqual([]))
  })

  it('shows what to fix under each question', () => {
    renderEditor([{ id: 'q1', kind: 'single', title: '', required: false, options: ['一个', ''] }], {
      q1: { title: '请写上要问的问题', options: '选择题至少要有两个选项' },
    })
    expect(screen.getByText('请写上要问的问题')).toBeTruthy()
    expect(screen.getByText('选择题至少要有两个选项')).toBeTruthy()
  })

  it('stops offering new questions at ten', () => {
    renderEditor(Array.from({ length: 10 }, (_, i) => ({ id: `q${i + 1}`, kind: 'text' as const, title: `问题${i + 1}`, required: false, options: [] })))
    expect(document.getElementById('form-add-question')).toBeNull()
    expect(screen.getByText('最多 10 个问题')).toBeTruthy()
  })
})
