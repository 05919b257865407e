import { fireEvent, render, waitFor } from '@testing-library/react'
import type { MyDataExport } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { navigations } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import MyDataPage from '.'

const exported: MyDataExport = {
  exportedAt: '2026-11-22T02:00:00.000Z',
  notes: ['这是邻里共治保存的关于您的全部信息。'],
  profile: { id: 1, openid: 'o-1', nickname: '王阿姨', pendingNickname: null, avatarUrl: null, birthYear: 1950, phone: null, createdAt: '2026-01-01T00:00:00.000Z' },
  roles: [],
  residencies: [],
  residencyClaims: [],
  signups: [
    {
      id: 3,
      activity: { id: 9, title: '剪纸课', startsAt: '2026-11-25T06:00:00.000Z' },
      role: 'participant',
      status: 'confirmed',
      companions: [],
      answers: {},
      createdAt: '2026-11-20T00:00:00.000Z',
      checkedInAt: null,
      checkedOutAt: null,
    },
  ],
  volunteerHours: [],
  consultations: [],
  subscriptions: [],
  articleReads: [],
  inbox: [],
  serviceRequests: [],
  wishesClaimed: [],
}

const byId = (id: string) => document.getElementById(id)!
// jsdom's Blob has no text().
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string)
    reader.readAsText(blob)
  })

describe('我的数据', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('downloads everything kept about me as a JSON file', async () => {
    installFakeServer({ 'GET /api/me/data': () => ({ body: exported }) })
    const saved: { name: string; blob: Blob }[] = []
    const blobs = new Map<string, Blob>()
    URL.createObjectURL = (blob: Blob) => (blobs.set('blob:1', blob), 'blob:1')
    URL.revokeObjectURL = () => undefined
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href')!)! })
    })

    render(<MyDataPage />)
    fireEvent.click(byId('my-data-export-button'))

    await waitFor(() => expect(byId('my-data-exported').textContent).toContain('已下载“邻里共治-我的数据-2026-11-22.json”'))
    expect(byId('my-data-exported').textContent).toContain('共 1 条报名、0 次投票、0 次求助')
    expect(saved).toHaveLength(1)
    expect(JSON.parse(await textOf(saved[0].blob))).toEqual(exported)
    click.mockRestore()
  })

  it('says why when the export fails', async () => {
    installFakeServer({ 'GET /api/me/data': () => ({ status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } }) })
    render(<MyDataPage />)
    fireEvent.click(byId('my-data-export-button'))
    await waitFor(() => expect(byId('my-data-export-error').textContent).toBe('系统正在维护，请稍后再试'))
  })

  it('deletes the account only after a confirmation, says what happened, and logs out on 完成', async () => {
    const log = installFakeServer({
      'DELETE /api/me': () => ({ body: { ok: true, summary: ['您的昵称、头像已删除。', '您投过的票仍然算数。'] } }),
    })
    render(<MyDataPage />)

    fireEvent.click(byId('my-data-delete-button'))
    await waitFor(() => expect(document.getElementById('my-data-delete-confirm')).toBeTruthy())
    expect(log).toHaveLength(0)
    // 先不注销 closes without deleting.
    fireEvent.click(byId('my-data-delete-confirm-back'))
    expect(log).toHaveLength(0)

    fireEvent.click(byId('my-data-delete-button'))
    await waitFor(() => expect(document.getElementById('my-data-delete-confirm')).toBeTruthy())
    fireEvent.click(byId('my-data-delete-confirm'))

    await waitFor(() => expect(document.getElementById('account-deleted')).toBeTruthy())
    expect(log.map((r) => `${r.method} ${r.url}`)).toEqual(['DELETE /api/me'])
    expect(byId('account-deleted').textContent).toContain('您投过的票仍然算数。')
    // The result stays on screen: no jump to the login page until 完成.
    expect(navigations.filter((n) => n.method === 'reLaunch')).toEqual([])
    fireEvent.click(byId('account-deleted-done'))
    expect(navigations.at(-1)).toEqual({ method: 'reLaunch', url: '/pages/login/index?after=deleted' })
    await waitFor(() => expect(session.isLoggedIn()).toBe(false))
  })

  it('sends a logged-out visitor to the login page', () => {
    session.clear()
    render(<MyDataPage />)
    expect(navigations.at(-1)?.url).toBe('/pages/login/index?from=myData')
  })
})
