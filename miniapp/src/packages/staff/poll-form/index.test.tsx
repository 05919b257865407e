import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { CreatePoll, Upload } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { householdRoutes } from '../../../../test/household-server'
import { makeMe } from '../../../../test/fixtures'
import { makePollDetail } from '../../../../test/poll-fixtures'
import { navigations, router, setChosenImage } from '../../../../test/taro-shim'
import { meStore, session } from '../../../stores/session'
import PollFormPage from '.'
import { byId, typeInto } from '../../../../test/dom'

const committee = makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] })
const community = { id: 1, name: '幸福里社区', address: '和平路88号', street: { id: 1, name: '和平街道' }, householdCount: 144 }
const households = ['1栋', '2栋', '3栋'].map((building, i) => ({ id: 40 + i, communityId: 1, building, unit: '1单元', room: '101' }))

/** Writes into the rich-text editor as typing would leave it. */
function write(id: string, html: string) {
  const area = byId(id)
  area.innerHTML = html
  fireEvent.input(area)
}

const key = '0123456789abcdef0123456789abcdef'
const uploaded: Upload = {
  id: 5,
  key,
  url: `/uploads/${key}/body.jpg`,
  variants: { body: `/uploads/${key}/body.jpg`, cover: `/uploads/${key}/cover.jpg`, thumb: `/uploads/${key}/thumb.jpg` },
  width: 1600,
  height: 1200,
}

function open(handlers: Parameters<typeof installFakeServer>[0] = {}, id?: number) {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee })
  meStore.set(committee)
  router.params = id ? { id: String(id) } : {}
  const log = installFakeServer({
    'GET /api/me': () => ({ body: committee }),
    'GET /api/communities': () => ({ body: { items: [community] } }),
    ...householdRoutes(1, households),
    ...handlers,
  })
  render(<PollFormPage />)
  return log
}

describe('发起议事投票', () => {
  it('says what is missing before anything is sent', async () => {
    const log = open()
    fireEvent.click(await waitFor(() => byId('poll-form-save')))

    expect(byId('poll-form-error').textContent).toBe('还有几处没填好，请看红字提示')
    expect(screen.getByText('请填写投票的题目')).toBeTruthy()
    expect(screen.getByText('请写上要问的问题')).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)
  })

  it('saves a draft with buildings, a multiple-choice question with a described option, and the rules, then opens it', async () => {
    const log = open({ 'POST /api/polls': () => ({ status: 201, body: makePollDetail({ id: 12, phase: 'draft' }) }) })
    await waitFor(() => byId('poll-form-title'))
    await typeInto('poll-form-title', '南门增设充电棚')
    write('poll-form-background', '<p>楼道充电有火灾隐患。</p><p>居委会提议在南门增设充电棚。</p>')
    fireEvent.click(byId('poll-form-scope-buildings'))
    fireEvent.click(await waitFor(() => screen.getByText('2栋')))
    await typeInto('pq-0-title', '您是否同意？')
    fireEvent.click(byId('poll-form-add-question'))
    await typeInto('pq-1-title', '希望有哪些设施？')
    fireEvent.click(byId('pq-1-kind-multiple'))
    await typeInto('pq-1-option-0', '遮雨棚顶')
    await typeInto('pq-1-option-1', '监控摄像头')
    await typeInto('pq-1-option-1-description', '看住车辆')
    fireEvent.click(byId('pq-1-add-option'))
    await typeInto('pq-1-option-2', '夜间照明')
    await typeInto('pq-1-max', '2')
    fireEvent.click(byId('poll-form-voterMode-household'))
    fireEvent.click(byId('poll-form-secrecy-named'))
    fireEvent.click(byId('poll-form-results-live'))
    await typeInto('poll-form-minBallots', '5')
    await typeInto('poll-form-quorum', '30')
    fireEvent.click(byId('poll-form-passRule-two_thirds'))
    fireEvent.click(byId('poll-form-opinions-on'))
    fireEvent.click(byId('poll-form-save'))

    await waitFor(() => expect(navigations).toContainEqual({ method: 'redirectTo', url: '/packages/poll/detail/index?id=12' }))
    const body = log.find((r) => r.method === 'POST')?.data as CreatePoll
    expect(body).toMatchObject({
      communityId: 1,
      title: '南门增设充电棚',
      background: '<p>楼道充电有火灾隐患。</p><p>居委会提议在南门增设充电棚。</p>',
      buildings: ['2栋'],
      voterMode: 'household',
      secrecy: 'named',
      resultsVisibility: 'live',
      minBallots: 5,
      quorumPercent: 30,
      passRule: 'two_thirds',
      opinionsEnabled: true,
    })
    expect(body.questions).toEqual([
      { title: '您是否同意？', kind: 'single', minChoices: 1, maxChoices: 1, options: [{ label: '同意', description: '' }, { label: '不同意', description: '' }] },
      {
        title: '希望有哪些设施？',
        kind: 'multiple',
        minChoices: 1,
        maxChoices: 2,
        options: [
          { label: '遮雨棚顶', description: '' },
          { label: '监控摄像头', description: '看住车辆' },
          { label: '夜间照明', description: '' },
        ],
      },
    ])
  })

  it('puts a photo into the background with the articles’ editor: uploaded at once, saved with the words', async () => {
    const log = open({
      'POST /api/uploads': () => ({ status: 201, body: uploaded }),
      'POST /api/polls': () => ({ status: 201, body: makePollDetail({ id: 12, phase: 'draft' }) }),
    })
    await waitFor(() => byId('poll-form-title'))
    await typeInto('poll-form-title', '南门增设充电棚')
    await typeInto('pq-0-title', '您是否同意？')
    expect(byId('poll-form-background').getAttribute('aria-label')).toBe('议题说明')
    write('poll-form-background', '<p>南门空地现在的样子：</p>')

    setChosenImage({ path: 'wxfile://tmp/site.jpg', size: 1_500_000 })
    fireEvent.click(byId('body-tool-image'))
    await waitFor(() => expect(byId('poll-form-background').querySelector('img')?.getAttribute('src')).toBe(uploaded.variants.body))
    expect(log.filter((r) => r.url === '/api/uploads').map((r) => r.data)).toEqual([{ file: 'wxfile://tmp/site.jpg' }])

    fireEvent.click(byId('poll-form-save'))
    await waitFor(() => expect(navigations).toContainEqual({ method: 'redirectTo', url: '/packages/poll/detail/index?id=12' }))
    const body = log.find((r) => r.method === 'POST' && r.url === '/api/polls')?.data as CreatePoll
    expect(body.background).toBe(`<p>南门空地现在的样子：</p><p><img src="${uploaded.variants.body}" alt="图片"></p>`)
  })

  it('says why a photo did not go into the background, and keeps the words', async () => {
    const log = open({ 'POST /api/uploads': () => ({ status: 400, body: { code: 'IMAGE_UNREADABLE', message: '这个文件不是完好的图片，请换一张照片' } }) })
    await waitFor(() => byId('poll-form-background'))
    write('poll-form-background', '<p>南门空地</p>')
    setChosenImage({ path: 'wxfile://tmp/broken.jpg', size: 1_000 })
    fireEvent.click(byId('body-tool-image'))
    expect(await screen.findByText('这个文件不是完好的图片，请换一张照片')).toBeTruthy()
    expect(byId('poll-form-background').innerHTML).toBe('<p>南门空地</p>')
    expect(log.filter((r) => r.url === '/api/uploads')).toHaveLength(1)
  })

  it('asks before removing a written question, and points at a multiple-choice maximum above the options', async () => {
    const log = open()
    fireEvent.click(await waitFor(() => byId('poll-form-add-question')))
    await typeInto('pq-1-title', '多选题')
    await typeInto('pq-1-option-0', '甲')
    await typeInto('pq-1-option-1', '乙')
    fireEvent.click(byId('pq-1-kind-multiple'))
    await typeInto('pq-1-max', '3')
    await typeInto('poll-form-title', '题目')
    await typeInto('pq-0-title', '同意吗')
    fireEvent.click(byId('poll-form-save'))
    expect(screen.getByText('最多选的项数不能超过选项数（2 个）')).toBeTruthy()

    fireEvent.click(byId('pq-1-remove'))
    expect(await screen.findByText('“多选题”和它的选项都会删掉。')).toBeTruthy()
    fireEvent.click(byId('pq-remove-confirm'))
    await waitFor(() => expect(document.getElementById('pq-1')).toBeNull())
    expect(log.some((r) => r.method === 'POST')).toBe(false)
  })

  it('edits a draft with PATCH and shows the server refusal in its words', async () => {
    const draft = makePollDetail({ id: 12, phase: 'draft', canManage: true })
    const log = open(
      {
        'GET /api/polls/12': () => ({ body: draft }),
        'PATCH /api/polls/12': () => ({ status: 409, body: { code: 'POLL_NOT_EDITABLE', message: '投票已经发布，题目和规则不能再修改了' } }),
      },
      12,
    )
    await waitFor(() => expect((byId('poll-form-title').querySelector('input') as HTMLInputElement).value).toBe('小区南门增设电动自行车充电棚'))
    fireEvent.click(byId('poll-form-save'))

    await waitFor(() => expect(byId('poll-form-error').textContent).toBe('投票已经发布，题目和规则不能再修改了'))
    const patch = log.find((r) => r.method === 'PATCH')?.data as Record<string, unknown>
    expect(patch).not.toHaveProperty('communityId')
    expect(patch).toMatchObject({ title: '小区南门增设电动自行车充电棚', minBallots: 3 })
  })
})
