import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { byId, typeInto } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { navigations, router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import { committee, item } from '../shared/fixtures'
import ServiceItemFormPage from '.'

describe('服务项目 form', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee })
  })

  it('adds an item with the common tiers and a worker, and checks the tiers first', async () => {
    router.params = { contractId: '3' }
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/service-contracts/3/workers': () => ({ body: { items: [{ id: 7, name: '陈社工' }] } }),
      'POST /api/service-items': () => ({ status: 201, body: item() }),
    })
    render(<ServiceItemFormPage />)
    await typeInto('item-name', '高龄老人入户探访')
    fireEvent.click(screen.getByText('高龄老人'))
    fireEvent.click(screen.getByText('户次'))
    await typeInto('item-target', '240')
    fireEvent.click(byId('tier-common'))
    await typeInto('tier-days-0', '0')
    fireEvent.click(screen.getByText('陈社工'))
    fireEvent.click(byId('item-save'))
    expect(await screen.findByText('“高风险”的探访周期要填 1 到 366 天')).toBeTruthy()
    await typeInto('tier-days-0', '7')
    fireEvent.click(byId('tier-remove-2'))
    fireEvent.click(byId('item-save'))
    await waitFor(() => expect(navigations).toContainEqual({ method: 'navigateBack', url: undefined }))
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({
      contractId: 3,
      name: '高龄老人入户探访',
      description: '',
      targetGroup: 'elderly',
      unit: 'household_visits',
      targetQuantity: 240,
      tiers: [
        { tier: '高风险', everyDays: 7 },
        { tier: '重点', everyDays: 30 },
      ],
      workerIds: [7],
      activityIds: [],
    })
  })

  it('edits with the version it read and shows a conflict in words', async () => {
    router.params = { contractId: '3', id: '11' }
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/service-contracts/3/workers': () => ({ body: { items: [{ id: 7, name: '陈社工' }] } }),
      'GET /api/service-items/11': () => ({ body: item({ version: 4 }) }),
      'PATCH /api/service-items/11': () => ({ status: 409, body: { code: 'SERVICE_EDIT_CONFLICT', message: '别人刚刚修改过这项内容，请刷新看到最新内容后再修改' } }),
    })
    render(<ServiceItemFormPage />)
    await waitFor(() => expect((byId('item-target').querySelector('input') as HTMLInputElement | null)?.value ?? byId('item-target').getAttribute('value')).toBe('240'))
    fireEvent.click(byId('item-save'))
    expect(await screen.findByText(/别人刚刚修改过这项内容/)).toBeTruthy()
    expect(log.find((r) => r.method === 'PATCH')?.data).toMatchObject({ version: 4, targetQuantity: 240, workerIds: [7] })
  })
})
