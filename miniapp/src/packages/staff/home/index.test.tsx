import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Me, RoleGrant } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { navigations, router, triggerHide, triggerShow } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import StaffHomePage from '.'

const grant = (role: RoleGrant['role'], kind: RoleGrant['scope']['kind']): RoleGrant => ({ id: 1, role, scope: { kind, id: 1, name: '幸福里社区' } })
const committee = makeMe({ isStaff: true, grants: [grant('committee_staff', 'community')] })
const socialWorker = makeMe({ isStaff: true, grants: [grant('social_worker', 'organisation')] })

function open(me: Me, width: number) {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width })
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me })
  installFakeServer({ 'GET /api/me': () => ({ body: me }) })
  render(<StaffHomePage />)
}

const toolLabels = () => [...document.querySelectorAll('#staff-tools .ll-heading')].map((e) => e.textContent)

describe('工作台', () => {
  afterEach(() => document.documentElement.classList.remove('ll-desk-root'))

  it('lists only the tools a social worker may use: no 居民认证, which would answer 403', async () => {
    open(socialWorker, 390)
    await waitFor(() => expect(toolLabels()).toEqual(['活动', '文章', '组织', '委托服务']))
    fireEvent.click(screen.getByText('文章'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/staff/articles/index' })
    fireEvent.click(screen.getByText('活动'))
    expect(navigations).toContainEqual({ method: 'switchTab', url: '/pages/activities/index' })
  })

  it('gives committee staff every tool, and on a phone no side navigation', async () => {
    open(committee, 390)
    await waitFor(() => expect(toolLabels()).toContain('居民认证'))
    expect(toolLabels()).toHaveLength(17)
    fireEvent.click(screen.getByText('居民认证'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/staff/claims/index' })
    expect(document.getElementById('staff-nav')).toBeNull()
    expect(document.documentElement.classList.contains('ll-desk-root')).toBe(false)
  })

  it('says how to become staff when the account holds no staff grant', async () => {
    open(makeMe(), 390)
    expect(await screen.findByText('您还没有工作人员身份')).toBeTruthy()
  })

  it('at a desk: a side navigation of the same tools, this page marked, links opened by Enter as well', async () => {
    router.path = '/packages/staff/home/index'
    open(socialWorker, 1366)
    const nav = await waitFor(() => {
      const element = document.getElementById('staff-nav')
      if (!element) throw new Error('no side navigation yet')
      return element
    })
    const links = [...nav.querySelectorAll('[role="link"]')]
    expect(links.map((l) => l.textContent)).toEqual(['工作台', '活动', '文章', '组织', '委托服务'])
    expect(links.every((l) => l.getAttribute('tabindex') === '0')).toBe(true)
    expect(document.getElementById('staff-nav-staffHome')!.getAttribute('aria-current')).toBe('page')
    fireEvent.keyDown(document.getElementById('staff-nav-staffOrganisations')!, { key: 'Enter' })
    // Sections replace one another, so going round them never piles pages up.
    expect(navigations).toContainEqual({ method: 'redirectTo', url: '/packages/staff/organisations/index' })
    // The desk holds the root font size (18 px text) only while the frame is on screen.
    expect(document.documentElement.classList.contains('ll-desk-root')).toBe(true)
    triggerHide()
    expect(document.documentElement.classList.contains('ll-desk-root')).toBe(false)
    triggerShow()
    expect(document.documentElement.classList.contains('ll-desk-root')).toBe(true)
  })
})
