import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Community } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { session } from '../../../stores/session'
import StaffCommunitiesPage from '.'
import { byId, typeInto } from '../../../../test/dom'

const admin = makeMe({ isStaff: true, grants: [{ id: 1, role: 'street_admin', scope: { kind: 'street', id: 1, name: '和平街道' } }] as never })
const community = (overrides: Partial<Community> = {}): Community => ({
  id: 1,
  name: '幸福里社区',
  address: '和平路88号',
  street: { id: 1, name: '和平街道' },
  householdCount: 144,
  archived: false,
  ...overrides,
})

describe('社区管理 (street admin)', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: admin })
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 390 })
  })

  it('lists communities with archived ones marked, and archives only after a confirmation', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: admin }),
      'GET /api/communities': () => ({ body: { items: [community(), community({ id: 2, name: '旧城社区', archived: true })] } }),
      'PATCH /api/communities/1': () => ({ body: community({ archived: true }) }),
    })
    render(<StaffCommunitiesPage />)
    const card = await waitFor(() => byId('community-1'))
    expect(card.textContent).toContain('使用中')
    expect(document.getElementById('community-2')!.textContent).toContain('已归档')
    expect(log[1].url).toBe('/api/communities?includeArchived=true')

    fireEvent.click(within(card).getByText('归档'))
    expect(await screen.findByText(/居民在选择社区和活动列表里看不到“幸福里社区”/)).toBeTruthy()
    expect(log.some((r) => r.method === 'PATCH')).toBe(false)
    fireEvent.click(document.getElementById('community-archive-confirm')!)
    await waitFor(() => expect(log.find((r) => r.method === 'PATCH')?.data).toEqual({ archived: true }))
  })

  it('previews a household CSV before importing it, and lists every bad line when refused', async () => {
    let refuse = true
    const log = installFakeServer({
      'GET /api/me': () => ({ body: admin }),
      'GET /api/communities': () => ({ body: { items: [community()] } }),
      'POST /api/communities/1/households/import': ({ query }) =>
        refuse
          ? {
              status: 400,
              body: {
                code: 'HOUSEHOLDS_CSV_INVALID',
                message: '住户表格有错误，请按提示修改后重新导入，本次没有导入任何数据',
                fields: [
                  { path: 'body.csv.line3', message: '第3行：楼栋为空' },
                  { path: 'body.csv.line4', message: '第4行：多于3列（应为 楼栋,单元,房号）' },
                ],
              },
            }
          : {
              body: {
                dryRun: query.get('dryRun') === 'true',
                rows: 2,
                created: 1,
                unchanged: 1,
                newHouseholds: [{ line: 3, building: '9栋', unit: '1单元', room: '901' }],
              },
            },
    })
    render(<StaffCommunitiesPage />)
    fireEvent.click(await waitFor(() => byId('community-open-1')))
    await waitFor(() => byId('household-import-text'))
    await typeInto('household-import-text', '1栋,1单元,101\n,1单元,102\n1栋,1单元,103,多余')
    fireEvent.click(byId('household-import-preview-button'))
    const errors = await waitFor(() => byId('household-import-errors'))
    expect(errors.textContent).toContain('本次没有导入任何数据')
    expect(errors.textContent).toContain('第3行：楼栋为空')
    expect(errors.textContent).toContain('第4行：多于3列')

    refuse = false
    await typeInto('household-import-text', '1栋,1单元,101\n9栋,1单元,901')
    fireEvent.click(byId('household-import-preview-button'))
    const preview = await waitFor(() => byId('household-import-preview'))
    expect(preview.textContent).toContain('将新建 1 户，已登记不变 1 户')
    expect(preview.textContent).toContain('第3行 新建 9栋 1单元 901')
    expect(log.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual([
      '/api/communities/1/households/import?dryRun=true',
      '/api/communities/1/households/import?dryRun=true',
    ])

    fireEvent.click(byId('household-import-commit'))
    await waitFor(() => expect(document.getElementById('household-import-done')!.textContent).toContain('已导入：新建 1 户'))
    expect(log.filter((r) => r.method === 'POST').at(-1)!.url).toBe('/api/communities/1/households/import?dryRun=false')
  })

  it('shows a table at a desk-wide window', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1366 })
    installFakeServer({
      'GET /api/me': () => ({ body: admin }),
      'GET /api/communities': () => ({ body: { items: [community()] } }),
    })
    render(<StaffCommunitiesPage />)
    const row = await waitFor(() => byId('community-table-row-1'))
    expect(row.getAttribute('role')).toBe('row')
    expect(row.textContent).toContain('144')
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['社区', '地址', '住户数', '状态', '操作'])
  })
})
