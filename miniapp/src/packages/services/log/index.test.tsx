import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { byId, typeInto } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { navigations, router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import { beneficiary, item, worker } from '../shared/fixtures'
import { chinaToday } from '../shared/servicesView'
import ServiceLogPage from '.'

const logged = (body: Record<string, unknown>) => ({
  id: 90,
  itemId: 11,
  beneficiary: { id: 31, name: '王桂兰' },
  worker: { id: 7, name: '陈社工' },
  quantity: 1,
  voidsLogId: null,
  voided: false,
  createdAt: '2026-12-08T01:00:00.000Z',
  note: '',
  photos: [],
  ...body,
})

describe('记录服务', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: worker }))

  it('logs a visit in a few taps: the only item, the overdue elder first, 45 minutes', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: worker }),
      'GET /api/service-items': () => ({ body: { items: [item()] } }),
      'GET /api/service-items/11/beneficiaries': () => ({
        body: { items: [beneficiary({ id: 32, name: '吴凤英', tier: '一般', dueOn: '2027-02-01', overdue: false }), beneficiary()] },
      }),
      'POST /api/service-logs': (r) => ({ status: 201, body: logged(r.data as Record<string, unknown>) }),
    })
    render(<ServiceLogPage />)
    const people = await waitFor(() => {
      const box = byId('log-beneficiary')
      if (!box.textContent?.includes('王桂兰')) throw new Error('register not loaded')
      return box
    })
    // Who is overdue comes first, and says so.
    expect(people.textContent!.indexOf('王桂兰（已逾期）')).toBeLessThan(people.textContent!.indexOf('吴凤英'))
    fireEvent.click(within(people).getByText('王桂兰（已逾期）'))
    fireEvent.click(screen.getByText('45分钟'))
    await typeInto('log-note', '血压平稳')
    fireEvent.click(byId('log-submit'))
    expect(await screen.findByText('已记录')).toBeTruthy()
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({
      itemId: 11,
      beneficiaryId: 31,
      servedOn: chinaToday(),
      minutes: 45,
      form: 'visit',
      peopleServed: 1,
      note: '血压平稳',
      photos: [],
    })
    expect(screen.getByText(/今天，为王桂兰做了探访，45分钟/)).toBeTruthy()
    fireEvent.click(byId('log-tasks'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/services/tasks/index' })
  })

  it('says what is missing, and shows the server refusal in words', async () => {
    router.params = { itemId: '11', beneficiaryId: '31' }
    installFakeServer({
      'GET /api/me': () => ({ body: worker }),
      'GET /api/service-items': () => ({ body: { items: [item(), item({ id: 12, name: '陪伴外出', tiers: [] })] } }),
      'GET /api/service-items/11/beneficiaries': () => ({ body: { items: [beneficiary()] } }),
      'POST /api/service-logs': () => ({ status: 403, body: { code: 'SERVICE_NOT_ASSIGNED', message: '您没有被指派负责这个服务项目，不能记录服务；如需记录请联系机构负责人指派' } }),
    })
    render(<ServiceLogPage />)
    await waitFor(() => expect(byId('log-beneficiary').textContent).toContain('✓ 王桂兰'))
    fireEvent.click(byId('log-submit'))
    expect(await screen.findByText('请选服务时长')).toBeTruthy()
    fireEvent.click(screen.getByText('1小时'))
    fireEvent.click(byId('log-submit'))
    expect(await screen.findByText(/您没有被指派负责这个服务项目/)).toBeTruthy()
  })

  it('voids a slip on the spot and goes back to the form as filled in, to correct it', async () => {
    router.params = { itemId: '11', beneficiaryId: '31' }
    const log = installFakeServer({
      'GET /api/me': () => ({ body: worker }),
      'GET /api/service-items': () => ({ body: { items: [item()] } }),
      'GET /api/service-items/11/beneficiaries': () => ({ body: { items: [beneficiary()] } }),
      'POST /api/service-logs': (r) => ({ status: 201, body: logged(r.data as Record<string, unknown>) }),
      'POST /api/service-logs/90/void': () => ({ status: 201, body: logged({ id: 91, voidsLogId: 90, quantity: -1, servedOn: chinaToday(), minutes: 60, form: 'visit', peopleServed: 1 }) }),
    })
    render(<ServiceLogPage />)
    await waitFor(() => expect(byId('log-beneficiary').textContent).toContain('✓ 王桂兰'))
    fireEvent.click(screen.getByText('1小时'))
    fireEvent.click(byId('log-submit'))
    fireEvent.click(await screen.findByText('记错了，作废重记'))
    fireEvent.click(await waitFor(() => byId('log-void-confirm')))
    expect(await screen.findByText('刚才那条已作废，改好后再保存')).toBeTruthy()
    expect(log.find((r) => r.url.endsWith('/service-logs/90/void'))?.data).toEqual({ reason: '记录时填错，当场作废' })
    // The choices stay as they were: only what was wrong needs a tap.
    expect(byId('log-minutes').textContent).toContain('✓ 1小时')
    expect(byId('log-beneficiary').textContent).toContain('✓ 王桂兰')
  })
})
