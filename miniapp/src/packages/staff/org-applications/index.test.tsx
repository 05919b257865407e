import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { OrganisationApplication } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { session } from '../../../stores/session'
import StaffOrgApplicationsPage from '.'
import { typeInto } from '../../../../test/dom'

const application = (overrides: Partial<OrganisationApplication> = {}): OrganisationApplication => ({
  id: 7,
  communityId: 1,
  communityName: '幸福里社区',
  name: '幸福里编织小组',
  leader: '许阿姨',
  membersCount: 12,
  activities: '每周三下午一起编织。',
  venue: '社区活动室',
  status: 'pending',
  reason: null,
  organisationId: null,
  createdAt: '2026-11-25T06:00:00.000Z',
  decidedAt: null,
  ...overrides,
})
const page = (items: OrganisationApplication[]) => ({ items, total: items.length, page: 1, pageSize: 20 })

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no #${id}`)
  return element
}

describe('审核备案申请 (committee)', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ isStaff: true }) })
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 390 })
  })

  it('will not reject without a reason, then sends it', async () => {
    const log = installFakeServer({
      'GET /api/organisation-applications': () => ({ body: page([application()]) }),
      'POST /api/organisation-applications/7/reject': ({ data }) => ({
        body: application({ status: 'rejected', reason: (data as { reason: string }).reason }),
      }),
    })
    render(<StaffOrgApplicationsPage />)
    fireEvent.click(await waitFor(() => byId('application-reject-7')))
    fireEvent.click(await waitFor(() => byId('application-decide-confirm')))
    expect(await screen.findByText('请写明原因，申请人会看到它')).toBeTruthy()
    expect(log.some((r) => r.url.endsWith('/reject'))).toBe(false)

    await typeInto('application-reason', '请补充成员名单')
    fireEvent.click(byId('application-decide-confirm'))
    await waitFor(() => expect(log.find((r) => r.url.endsWith('/reject'))?.data).toEqual({ reason: '请补充成员名单' }))
    expect(log[0].url).toBe('/api/organisation-applications?status=pending&page=1&pageSize=20')
  })

  it('approves after saying what approval creates, and shows who else already decided', async () => {
    installFakeServer({
      'GET /api/organisation-applications': () => ({ body: page([application()]) }),
      'POST /api/organisation-applications/7/approve': () => ({
        status: 409,
        body: { code: 'APPLICATION_ALREADY_DECIDED', message: '这份备案申请已经处理过了，请刷新查看结果' },
      }),
    })
    render(<StaffOrgApplicationsPage />)
    fireEvent.click(await waitFor(() => byId('application-approve-7')))
    expect(await screen.findByText(/将作为社区社会组织（备案）列入名录，可以服务幸福里社区/)).toBeTruthy()
    fireEvent.click(byId('application-decide-confirm'))
    expect(await screen.findByText('这份备案申请已经处理过了，请刷新查看结果')).toBeTruthy()
  })
})
