import { fireEvent, render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { byId, typeInto } from '../../../../test/dom'
import { makeMe } from '../../../../test/fixtures'
import { navigations } from '../../../../test/taro-shim'
import { meStore, session } from '../../../stores/session'
import NicknamePage from '.'

const me = makeMe({ nickname: '小周' })

function open(handlers: Parameters<typeof installFakeServer>[0] = {}) {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me })
  meStore.set(me)
  const log = installFakeServer({ 'GET /api/me': () => ({ body: me }), ...handlers })
  render(<NicknamePage />)
  return log
}

const saves = (log: ReturnType<typeof installFakeServer>) => log.filter((r) => r.method === 'PATCH')

describe('修改昵称', () => {
  it('saves the new nickname, trimmed, and says everyone now sees it', async () => {
    const log = open({ 'PATCH /api/me': ({ data }) => ({ body: { ...me, nickname: (data as { nickname: string }).nickname } }) })
    expect(byId('nickname-current').textContent).toBe('小周')
    await typeInto('nickname-input', '  周阿姨  ')
    fireEvent.click(byId('nickname-save'))

    await waitFor(() => expect(byId('nickname-saved').textContent).toContain('昵称已修改'))
    expect(byId('nickname-saved').textContent).toContain('大家现在看到的是“周阿姨”')
    expect(saves(log).map((r) => r.data)).toEqual([{ nickname: '周阿姨' }])
    expect(meStore.get()?.nickname).toBe('周阿姨')
    fireEvent.click(byId('nickname-done'))
    expect(navigations.at(-1)).toEqual({ method: 'switchTab', url: '/pages/mine/index' })
  })

  it('says plainly when the new nickname waits for the committee, and that the old one shows until then', async () => {
    open({ 'PATCH /api/me': () => ({ body: { ...me, pendingNickname: '周阿姨加我微信' } }) })
    await typeInto('nickname-input', '周阿姨加我微信')
    fireEvent.click(byId('nickname-save'))

    await waitFor(() => expect(byId('nickname-saved').textContent).toContain('新昵称等社区审核'))
    expect(byId('nickname-saved').textContent).toContain('在这之前，大家看到的还是“小周”')
  })

  it('shows which word was refused and keeps the form to fix it', async () => {
    open({
      'PATCH /api/me': () => ({
        status: 400,
        body: {
          code: 'CONTENT_RISKY',
          message: '您填写的内容含有不适合发布的词语，请修改后再提交',
          fields: [{ path: 'body.nickname', message: '含有不适合发布的词语「六合彩」，请修改' }],
        },
      }),
    })
    await typeInto('nickname-input', '六合彩')
    fireEvent.click(byId('nickname-save'))

    await waitFor(() => expect(byId('nickname-error').textContent).toBe('含有不适合发布的词语「六合彩」，请修改'))
    expect(document.getElementById('nickname-saved')).toBeNull()
    // Typing again clears the message.
    await typeInto('nickname-input', '周阿姨')
    expect(document.getElementById('nickname-error')).toBeNull()
  })

  it('asks for a nickname before sending an empty one, and shows a network failure in plain words', async () => {
    const log = open({ 'PATCH /api/me': () => ({ status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } }) })
    await typeInto('nickname-input', '   ')
    fireEvent.click(byId('nickname-save'))
    expect(byId('nickname-error').textContent).toBe('请填写新昵称')
    expect(saves(log)).toHaveLength(0)

    await typeInto('nickname-input', '周阿姨')
    fireEvent.click(byId('nickname-save'))
    expect(byId('nickname-save').textContent).toContain('正在保存…')
    await waitFor(() => expect(byId('nickname-error').textContent).toBe('系统正在维护，请稍后再试'))
    expect(byId('nickname-save').textContent).toContain('保存')
  })

  it('shows a nickname still waiting for review', async () => {
    const held = makeMe({ nickname: '小周', pendingNickname: '周阿姨代购' })
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: held })
    meStore.set(held)
    installFakeServer({ 'GET /api/me': () => ({ body: held }) })
    render(<NicknamePage />)
    await waitFor(() => expect(byId('nickname-pending').textContent).toContain('新昵称“周阿姨代购”正在等社区工作人员审核'))
  })
})
