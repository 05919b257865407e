import Taro from '@tarojs/taro'
import { render, waitFor } from '@testing-library/react'
import { routes } from '@linli/shared'
import { ReminderNote } from '../components/ReminderNote'
import { askForReminders, loadSubscribeTemplates, resetSubscribeTemplates, subscribeResults } from './subscribe'

const mockCall = jest.fn()
jest.mock('../api', () => ({
  ...jest.requireActual('../api'),
  call: (...args: unknown[]) => mockCall(...args),
}))

const templates = {
  enabled: true,
  templates: [
    { key: 'signup_result', templateId: 'T_RESULT' },
    { key: 'waitlist_offer', templateId: 'T_OFFER' },
    { key: 'activity_reminder', templateId: 'T_REMIND' },
    { key: 'activity_changed', templateId: 'T_CHANGED' },
  ],
}

describe('WeChat subscribe messages in the miniapp', () => {
  const taro = Taro as unknown as { requestSubscribeMessage?: jest.Mock }
  const original = taro.requestSubscribeMessage

  beforeEach(() => {
    resetSubscribeTemplates()
    mockCall.mockReset()
    process.env.TARO_ENV = 'h5'
  })
  afterAll(() => {
    taro.requestSubscribeMessage = original
    process.env.TARO_ENV = 'h5'
  })

  it('turns WeChat’s answer into one result per asked template, ignoring errMsg and unknown values', () => {
    const wanted = templates.templates.slice(0, 3) as { key: 'signup_result' | 'waitlist_offer' | 'activity_reminder'; templateId: string }[]
    expect(subscribeResults(wanted, { errMsg: 'requestSubscribeMessage:ok', T_RESULT: 'accept', T_OFFER: 'reject', T_REMIND: 'weird' })).toEqual([
      { key: 'signup_result', result: 'accept' },
      { key: 'waitlist_offer', result: 'reject' },
    ])
  })

  it('in H5 asks nothing and says plainly that notices go to 我的消息', async () => {
    mockCall.mockResolvedValue(templates)
    taro.requestSubscribeMessage = jest.fn()
    const { container } = render(<ReminderNote id='note' />)
    await waitFor(() => expect(mockCall).toHaveBeenCalledWith(routes.subscribeTemplates))
    await askForReminders(['signup_result'])
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled()
    expect(container.textContent).toContain('会放在“我的”→“消息”里')
  })

  it('in WeChat asks for the first three templates the caller names, in the tap, and records what was allowed', async () => {
    process.env.TARO_ENV = 'weapp'
    mockCall.mockImplementation((route) => Promise.resolve(route === routes.subscribeTemplates ? templates : { remaining: [] }))
    taro.requestSubscribeMessage = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', T_RESULT: 'accept', T_REMIND: 'reject', T_CHANGED: 'accept' })
    await loadSubscribeTemplates()
    const { container } = render(<ReminderNote id='note' />)
    expect(container.textContent).toContain('选“允许”')

    await askForReminders(['signup_result', 'activity_reminder', 'activity_changed', 'waitlist_offer'])
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T_RESULT', 'T_REMIND', 'T_CHANGED'] })
    expect(mockCall).toHaveBeenLastCalledWith(routes.recordSubscriptions, {
      body: {
        results: [
          { key: 'signup_result', result: 'accept' },
          { key: 'activity_reminder', result: 'reject' },
          { key: 'activity_changed', result: 'accept' },
        ],
      },
    })
  })

  it('never blocks the action: a refused request or a failed record is swallowed', async () => {
    process.env.TARO_ENV = 'weapp'
    mockCall.mockResolvedValueOnce(templates)
    await loadSubscribeTemplates()
    taro.requestSubscribeMessage = jest.fn().mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail cancel', errCode: 20004 })
    await expect(askForReminders(['signup_result'])).resolves.toBeUndefined()
    expect(mockCall).toHaveBeenCalledTimes(1)
  })

  it('without templates on the server (WeChat not set up) asks nothing', async () => {
    process.env.TARO_ENV = 'weapp'
    mockCall.mockResolvedValueOnce({ enabled: false, templates: [] })
    taro.requestSubscribeMessage = jest.fn()
    await loadSubscribeTemplates()
    await askForReminders(['signup_result'])
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled()
  })
})
