import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { byId } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { makeWish, pageOf } from '../../../../test/help-fixtures'
import { session } from '../../../stores/session'
import WishesPage from '.'

describe('微心愿 (resident)', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ verified: true }) }))

  it('shows the person masked and claims after a confirm that says what happens next', async () => {
    const wish = makeWish()
    const log = installFakeServer({
      'GET /api/wishes': () => ({ body: pageOf([wish]) }),
      'POST /api/wishes/8/claim': () => ({ body: { ...wish, state: 'claimed', claimedByMe: true, claimer: { kind: 'resident', name: '小周' }, actions: ['deliver'] } }),
    })
    render(<WishesPage />)
    const card = await waitFor(() => byId('wish-8'))
    expect(card.textContent).toContain('王*')
    expect(card.textContent).toContain('等待认领')
    fireEvent.click(byId('wish-claim-8'))
    expect(await screen.findByText(/请把它送到幸福里社区居委会/)).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)
    fireEvent.click(byId('wish-claim-confirm'))
    await waitFor(() => expect(log.find((r) => r.method === 'POST')?.url).toBe('/api/wishes/8/claim'))
    expect(await screen.findByText('认领成功，谢谢您的爱心！')).toBeTruthy()
  })

  it('tells the second claimer plainly that someone was quicker', async () => {
    installFakeServer({
      'GET /api/wishes': () => ({ body: pageOf([makeWish()]) }),
      'POST /api/wishes/8/claim': () => ({ status: 409, body: { code: 'WISH_ALREADY_CLAIMED', message: '这个心愿刚刚已经被别人认领了，谢谢您的爱心，看看其他心愿吧' } }),
    })
    render(<WishesPage />)
    fireEvent.click(await waitFor(() => byId('wish-claim-8')))
    fireEvent.click(await waitFor(() => byId('wish-claim-confirm')))
    expect(await screen.findByText('这个心愿刚刚已经被别人认领了，谢谢您的爱心，看看其他心愿吧')).toBeTruthy()
  })

  it('says when there are no wishes, and offers 重试 when the list fails', async () => {
    installFakeServer({ 'GET /api/wishes': () => ({ body: pageOf([]) }) })
    const { unmount } = render(<WishesPage />)
    expect(await screen.findByText('现在没有心愿')).toBeTruthy()
    unmount()
    installFakeServer({ 'GET /api/wishes': () => ({ status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } }) })
    render(<WishesPage />)
    expect(await screen.findByText('重试')).toBeTruthy()
  })
})
