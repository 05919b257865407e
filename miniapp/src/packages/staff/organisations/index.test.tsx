import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { OrganisationDetail } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { session } from '../../../stores/session'
import StaffOrganisationsPage from '.'
import { typeInto } from '../../../../test/dom'

const admin = makeMe({ isStaff: true, grants: [{ id: 1, role: 'street_admin', scope: { kind: 'street', id: 1, name: '和平街道' } }] as never })
const org = (overrides: Partial<OrganisationDetail> = {}): OrganisationDetail => ({
  id: 5,
  streetId: 1,
  name: '长青老年协会',
  type: 'social_org',
  legalStatus: 'filed',
  registrationNo: 'HP-BA-2023-011',
  leader: '赵长青',
  contactPhone: '13800001003',
  description: '',
  communityIds: [1],
  suspended: false,
  suspendedAt: null,
  stage: 'incubating',
  stageDates: { applied: '2023-05-08', incubating: '2023-06-01', graduated: null, exited: null },
  mentor: { id: 1, name: '启航社会工作服务中心' },
  ...overrides,
})
const page = (items: OrganisationDetail[]) => ({ items, total: items.length, page: 1, pageSize: 20 })
const community = { id: 1, name: '幸福里社区', address: '', street: { id: 1, name: '和平街道' }, householdCount: 0 }

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no #${id}`)
  return element
}

describe('组织管理', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: admin })
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1366 })
  })

  it('shows the registry as a table at a desk and filters by type, status and stage', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: admin }),
      'GET /api/communities': () => ({ body: { items: [community] } }),
      'GET /api/organisation-registry': () => ({ body: page([org()]) }),
    })
    render(<StaffOrganisationsPage />)
    const row = await waitFor(() => byId('organisation-table-row-5'))
    expect(row.textContent).toContain('社区社会组织')
    expect(row.textContent).toContain('孵化中 2023-06-01')
    expect(row.textContent).toContain('启航社会工作服务中心')
    await waitFor(() => expect(row.textContent).toContain('幸福里社区'))

    fireEvent.click(screen.getByText('驻区单位'))
    await waitFor(() => expect(log.some((r) => r.url.includes('type=resident_unit'))).toBe(true))
    fireEvent.click(screen.getByText('已暂停'))
    await waitFor(() => expect(log.some((r) => r.url.includes('type=resident_unit') && r.url.includes('status=suspended'))).toBe(true))
    fireEvent.click(within(byId('filter-stage')).getByText('出壳'))
    await waitFor(() => expect(log.some((r) => r.url.includes('stage=graduated') && r.url.includes('page=1'))).toBe(true))
  })

  it('suspends only after a confirmation that says what happens to its staff', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: admin }),
      'GET /api/communities': () => ({ body: { items: [community] } }),
      'GET /api/organisation-registry': () => ({ body: page([org()]) }),
      'PATCH /api/organisations/5': () => ({ body: org({ suspended: true, suspendedAt: '2026-12-07T00:00:00.000Z' }) }),
    })
    render(<StaffOrganisationsPage />)
    fireEvent.click(await waitFor(() => byId('org-suspend-5')))
    expect(await screen.findByText(/工作人员不能再以组织身份发布活动和文章/)).toBeTruthy()
    expect(log.some((r) => r.method === 'PATCH')).toBe(false)
    fireEvent.click(byId('org-suspend-confirm'))
    await waitFor(() => expect(log.find((r) => r.method === 'PATCH')?.data).toEqual({ suspended: true }))
    expect(await screen.findByText(/已暂停“长青老年协会”/)).toBeTruthy()
  })

  it('registers an organisation with its communities and stage, and shows a name clash in words', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: admin }),
      'GET /api/communities': () => ({ body: { items: [community] } }),
      'GET /api/organisation-registry': () => ({ body: page([org()]) }),
      'POST /api/organisations': () => ({
        status: 409,
        body: { code: 'ORGANISATION_NAME_TAKEN', message: '这个街道已经有同名的组织了，请换一个名字，或在组织列表里找到它修改' },
      }),
    })
    render(<StaffOrganisationsPage />)
    fireEvent.click(await waitFor(() => byId('organisation-new')))
    await typeInto('org-name', '长青老年协会')
    fireEvent.click(within(byId('org-communities')).getByText('幸福里社区'))
    fireEvent.click(within(byId('org-stage')).getByText('孵化中'))
    fireEvent.click(byId('organisation-save'))
    expect(await screen.findByText(/已经有同名的组织了/)).toBeTruthy()
    expect(log.find((r) => r.method === 'POST')?.data).toMatchObject({ name: '长青老年协会', communityIds: [1], stage: 'incubating', mentorId: null })
  })
})
