import { fireEvent, render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../test/fake-server'
import { makeMe } from '../../test/fixtures'
import { StaffPhoneCard } from './StaffPhoneCard'

describe('工作联系电话', () => {
  it('shows the bound phone masked and unbinds it', async () => {
    const log = installFakeServer({ 'DELETE /api/me/phone': () => ({ body: { phone: null } }) })
    const onChange = jest.fn()
    render(<StaffPhoneCard me={makeMe({ isStaff: true, phone: '138****5678' })} onChange={onChange} />)

    expect(document.getElementById('staff-phone-number')?.textContent).toBe('已绑定：138****5678')
    fireEvent.click(document.getElementById('staff-phone-unbind')!)
    await waitFor(() => expect(onChange).toHaveBeenCalled())
    expect(log.map((r) => r.method)).toEqual(['DELETE'])
  })

  it('says in the browser that binding needs WeChat, instead of a button that cannot work', () => {
    render(<StaffPhoneCard me={makeMe({ isStaff: true })} onChange={() => undefined} />)

    expect(document.getElementById('staff-phone-number')?.textContent).toBe('还没有绑定')
    expect(document.getElementById('staff-phone-bind')).toBeNull()
    expect(document.getElementById('staff-phone-weapp-only')?.textContent).toContain('要用微信小程序')
  })
})
