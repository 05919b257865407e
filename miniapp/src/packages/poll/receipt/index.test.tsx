import { fireEvent, render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import PollReceiptPage from '.'
import { byId, typeInto } from '../../../../test/dom'

describe('查验回执', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ verified: true }) }))

  it('says a ballot is counted, never what it chose, for the code it came with', async () => {
    router.params = { id: '7', code: 'K7QM-3XTP-9BCD-WR2F' }
    const log = installFakeServer({ 'GET /api/polls/7/receipts/K7QM-3XTP-9BCD-WR2F': () => ({ body: { pollId: 7, counted: true } }) })
    render(<PollReceiptPage />)

    fireEvent.click(byId('receipt-check'))
    await waitFor(() => expect(byId('receipt-outcome').textContent).toBe('✓ 已计入：这张选票已经算在投票结果里了。'))
    expect(byId('receipt-outcome').getAttribute('data-kind')).toBe('counted')
    expect(log).toHaveLength(1)
  })

  it('says plainly when no ballot has the typed code, and asks for a code first', async () => {
    router.params = { id: '7' }
    installFakeServer({ 'GET /api/polls/7/receipts/ABCD-0000': () => ({ body: { pollId: 7, counted: false } }) })
    render(<PollReceiptPage />)

    fireEvent.click(byId('receipt-check'))
    expect(byId('receipt-outcome').textContent).toContain('请先填写回执码')

    await typeInto('receipt-code', 'ABCD-0000')
    fireEvent.click(byId('receipt-check'))
    await waitFor(() => expect(byId('receipt-outcome').getAttribute('data-kind')).toBe('missing'))
    expect(byId('receipt-outcome').textContent).toContain('没有找到这张选票')
  })
})
