import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Household, Upload } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { householdRoutes } from '../../../../test/household-server'
import { makeDetail, makeMe } from '../../../../test/fixtures'
import { router, setChosenImage } from '../../../../test/taro-shim'
import { meStore, session } from '../../../stores/session'
import ActivityFormPage from '.'
import { byId, typeInto } from '../../../../test/dom'

const staff = makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] })
const community = { id: 1, name: '幸福里社区', address: '和平路 1 号', street: { id: 1, name: '和平街道' }, householdCount: 3 }
const households: Household[] = [
  { id: 1, communityId: 1, building: '10栋', unit: '1单元', room: '101' },
  { id: 2, communityId: 1, building: '3栋', unit: '1单元', room: '101' },
  { id: 3, communityId: 1, building: '3栋', unit: '2单元', room: '201' },
]
const uploaded: Upload = {
  id: 5,
  key: 'a'.repeat(32),
  url: `/uploads/${'a'.repeat(32)}/body.jpg`,
  variants: { body: `/uploads/${'a'.repeat(32)}/body.jpg`, cover: `/uploads/${'a'.repeat(32)}/cover.jpg`, thumb: `/uploads/${'a'.repeat(32)}/thumb.jpg` },
  width: 1600,
  height: 1200,
}

type Handlers = Parameters<typeof installFakeServer>[0]

function openForm(handlers: Handlers = {}, params: Record<string, string> = {}) {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: staff })
  meStore.set(staff)
  router.params = params
  const log = installFakeServer({
    'GET /api/me': () => ({ body: staff }),
    'GET /api/communities': () => ({ body: { items: [community] } }),
    'GET /api/organisations': () => ({ body: { items: [] } }),
    ...householdRoutes(1, households),
    'POST /api/uploads': () => ({ status: 201, body: uploaded }),
    'POST /api/activities': () => ({ status: 201, body: makeDetail({ id: 99 }) }),
    ...handlers,
  })
  render(<ActivityFormPage />)
  return log
}

const sent = (log: { method?: string; url: string; data?: unknown }[], method: string, url: string) =>
  log.filter((r) => r.method === method && r.url === url).map((r) => r.data as Record<string, unknown>)

describe('新活动: cover, audience and sign-up questions', () => {
  it('uploads a chosen photo as the cover, picks buildings and ages, adds a question, and saves them all', async () => {
    const log = openForm()
    await waitFor(() => byId('form-title'))
    await typeInto('form-title', '智能手机课堂')
    await typeInto('form-place', '社区活动室')

    setChosenImage({ path: 'wxfile://tmp/photo.jpg', size: 2_000_000 })
    fireEvent.click(byId('form-cover-choose'))
    await waitFor(() => expect(byId('form-cover-preview').getAttribute('src')).toBe(uploaded.variants.cover))
    expect(sent(log, 'POST', '/api/uploads')).toEqual([{ file: 'wxfile://tmp/photo.jpg' }])
    expect(byId('form-cover-choose').textContent).toBe('换一张')

    fireEvent.click(byId('form-audience-buildings'))
    const picker = await waitFor(() => byId('form-buildings'))
    await waitFor(() => expect(within(picker).getAllByText(/栋$/).map((e) => e.textContent)).toEqual(['3栋', '10栋']))
    fireEvent.click(within(picker).getByText('10栋'))
    fireEvent.click(within(picker).getByText('3栋'))
    expect(within(picker).getAllByText(/✓/).map((e) => e.textContent)).toEqual(['✓ 3栋', '✓ 10栋'])
    await typeInto('form-minAge', '60')

    fireEvent.click(byId('form-add-question'))
    await typeInto('question-0-title', '您有智能手机吗')
    await typeInto('question-0-option-0', '有')
    await typeInto('question-0-option-1', '没有')
    fireEvent.click(byId('question-0-required'))

    fireEvent.click(byId('activity-form-save'))

    await waitFor(() => expect(sent(log, 'POST', '/api/activities')).toHaveLength(1))
    expect(sent(log, 'POST', '/api/activities')[0]).toMatchObject({
      coverUrl: uploaded.variants.cover,
      audience: { kind: 'buildings', buildings: ['3栋', '10栋'], minAge: 60, maxAge: null },
      questions: [{ id: 'q1', kind: 'single', title: '您有智能手机吗', required: true, options: ['有', '没有'] }],
    })
  })

  it('says why a photo was not taken: too big before sending, or refused by the server', async () => {
    const log = openForm({ 'POST /api/uploads': () => ({ status: 400, body: { code: 'IMAGE_UNREADABLE', message: '这个文件不是完好的图片，请换一张照片' } }) })
    await waitFor(() => byId('form-cover-choose'))

    setChosenImage({ path: 'wxfile://tmp/huge.jpg', size: 6 * 1024 * 1024 })
    fireEvent.click(byId('form-cover-choose'))
    await waitFor(() => expect(byId('form-cover-error').textContent).toBe('图片太大了，请选择 5MB 以内的照片'))
    expect(sent(log, 'POST', '/api/uploads')).toEqual([])

    setChosenImage({ path: 'wxfile://tmp/broken.jpg', size: 1000 })
    fireEvent.click(byId('form-cover-choose'))
    await waitFor(() => expect(byId('form-cover-error').textContent).toBe('这个文件不是完好的图片，请换一张照片'))
    expect(document.getElementById('form-cover-preview')).toBeNull()
  })

  it('lets staff type building names where the community has no household list yet, and stops on ages the wrong way round', async () => {
    const log = openForm(householdRoutes(1, []))
    await waitFor(() => byId('form-title'))
    await typeInto('form-title', '楼道议事')
    await typeInto('form-place', '3栋楼下')
    fireEvent.click(byId('form-audience-buildings'))
    await waitFor(() => expect(document.body.textContent).toContain('这个社区还没有导入住户名单'))
    // Taro's input element finishes setting itself up a moment after it appears.
    await waitFor(() => expect(byId('form-buildings').querySelector('input')).not.toBeNull())
    await typeInto('form-buildings', '3栋，5栋')
    await typeInto('form-minAge', '80')
    await typeInto('form-maxAge', '60')

    fireEvent.click(byId('activity-form-save'))
    expect(await screen.findByText('最大年龄不能小于最小年龄')).toBeTruthy()
    expect(sent(log, 'POST', '/api/activities')).toEqual([])

    await typeInto('form-maxAge', '')
    fireEvent.click(byId('activity-form-save'))
    await waitFor(() => expect(sent(log, 'POST', '/api/activities')).toHaveLength(1))
    expect(sent(log, 'POST', '/api/activities')[0].audience).toEqual({ kind: 'buildings', buildings: ['3栋', '5栋'], minAge: 80, maxAge: null })
  })
})

describe('修改活动: cover and questions', () => {
  it('shows the current cover and questions, and sends the changes with the edit', async () => {
    const activity = makeDetail({
      id: 21,
      canManage: true,
      cancelDeadline: '2026-11-24T10:00:00.000Z',
      coverUrl: 'https://linli.test/uploads/old/cover.jpg',
      questions: [
        { id: 'q1', kind: 'text', title: '有什么忌口', required: false, options: [] },
        { id: 'q2', kind: 'single', title: '需要接送吗', required: true, options: ['需要', '不需要'] },
      ],
    })
    const log = openForm({ 'GET /api/activities/21': () => ({ body: activity }), 'PATCH /api/activities/21': () => ({ body: activity }) }, { id: '21' })
    await waitFor(() => expect(byId('form-cover-preview').getAttribute('src')).toBe('https://linli.test/uploads/old/cover.jpg'))

    fireEvent.click(byId('form-cover-remove'))
    expect(document.getElementById('form-cover-preview')).toBeNull()
    fireEvent.click(byId('question-1-up'))
    fireEvent.click(byId('activity-form-save'))

    await waitFor(() => expect(sent(log, 'PATCH', '/api/activities/21')).toHaveLength(1))
    const patch = sent(log, 'PATCH', '/api/activities/21')[0]
    expect(patch.coverUrl).toBeNull()
    expect((patch.questions as { id: string }[]).map((q) => q.id)).toEqual(['q2', 'q1'])
  })
})
