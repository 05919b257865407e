import { act, fireEvent, render } from '@testing-library/react'
import { Page } from '../components/Page'
import { navigations } from '../../test/taro-shim'
import { collectedFields, listenForPrivacyAuthorization, PRIVACY_AGREE_BUTTON_ID } from './privacy'

describe('WeChat privacy authorization', () => {
  it('does nothing where WeChat has no such event (H5)', () => {
    expect(listenForPrivacyAuthorization(undefined)).toBe(false)
    render(<Page>内容</Page>)
    expect(document.getElementById(PRIVACY_AGREE_BUTTON_ID)).toBeNull()
  })

  it('holds WeChat’s request until the user taps 同意 on the agree button, or 不同意', () => {
    let ask: (resolve: (o: { event: string; buttonId?: string }) => void) => void = () => undefined
    expect(listenForPrivacyAuthorization((listener) => (ask = listener))).toBe(true)
    render(<Page>内容</Page>)
    expect(document.getElementById(PRIVACY_AGREE_BUTTON_ID)).toBeNull()

    const answers: { event: string; buttonId?: string }[] = []
    act(() => ask((o) => answers.push(o)))
    const agree = document.getElementById(PRIVACY_AGREE_BUTTON_ID)!
    expect(agree.textContent).toBe('同意并继续')
    expect(answers).toEqual([{ event: 'exposureAuthorization' }])
    // The button's own event (WeChat fires it after the user tapped this open-type button).
    act(() => fireEvent(agree, new Event('agreeprivacyauthorization', { bubbles: true })))
    expect(answers.at(-1)).toEqual({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
    expect(document.getElementById(PRIVACY_AGREE_BUTTON_ID)).toBeNull()

    act(() => ask((o) => answers.push(o)))
    fireEvent.click(document.getElementById('privacy-disagree')!)
    expect(answers.at(-1)).toEqual({ event: 'disagree' })
    expect(document.getElementById(PRIVACY_AGREE_BUTTON_ID)).toBeNull()
  })

  it('links to the privacy page from the prompt', () => {
    let ask: (resolve: () => void) => void = () => undefined
    listenForPrivacyAuthorization((listener) => (ask = listener))
    render(<Page>内容</Page>)
    act(() => ask(() => undefined))
    fireEvent.click(document.getElementById('privacy-open-policy')!)
    expect(navigations.at(-1)).toEqual({ method: 'navigateTo', url: '/packages/privacy/policy/index' })
  })

  it('lists every field with a reason and who is asked', () => {
    const ids = collectedFields.map((f) => f.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const field of collectedFields) {
      expect(field.why.length).toBeGreaterThan(4)
      expect(field.who).toBeTruthy()
    }
    expect(ids).toEqual(expect.arrayContaining(['openid', 'nickname', 'real-name', 'home', 'companions', 'answers', 'votes', 'phone']))
  })
})
