import { render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../test/fake-server'
import { makeDetail, makeMe } from '../../test/fixtures'
import { makePollDetail, makeResults } from '../../test/poll-fixtures'
import { router, shares } from '../../test/taro-shim'
import ActivityDetailPage from '../packages/activity/detail'
import PollPage from '../packages/poll/detail'
import { session } from '../stores/session'

/** Share cards carry the page's own title and link; nothing on the page asks for or rewards sharing. */
describe('share cards', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ verified: true }) })
    shares.appMessage = undefined
    shares.timeline = undefined
  })

  it('an activity shares to friends and 朋友圈 with its title, time and cover', async () => {
    router.params = { id: '21' }
    const detail = makeDetail({ coverUrl: 'https://img.example/cover.jpg' })
    installFakeServer({ 'GET /api/activities/21': () => ({ body: detail }) })

    render(<ActivityDetailPage />)

    await waitFor(() => expect(document.body.textContent).toContain(detail.title))
    const card = shares.appMessage?.() as { title: string; path: string; imageUrl: string }
    expect(card).toMatchObject({ path: '/packages/activity/detail/index?id=21', imageUrl: 'https://img.example/cover.jpg' })
    expect(card.title.startsWith(detail.title)).toBe(true)
    expect(shares.timeline?.()).toMatchObject({ title: card.title, query: 'id=21', imageUrl: 'https://img.example/cover.jpg' })
    expect(document.body.textContent).not.toMatch(/分享|转发/)
  })

  it('a consultation shares to friends only, and nothing is promised for it', async () => {
    const poll = makePollDetail()
    router.params = { id: String(poll.id) }
    installFakeServer({ [`GET /api/polls/${poll.id}`]: () => ({ body: poll }), [`GET /api/polls/${poll.id}/results`]: () => ({ body: makeResults() }) })

    render(<PollPage />)

    await waitFor(() => expect(document.body.textContent).toContain(poll.title))
    expect(shares.appMessage?.()).toEqual({ title: `议事：${poll.title}`, path: `/packages/poll/detail/index?id=${poll.id}` })
    expect(shares.timeline).toBeUndefined()
    expect(document.body.textContent).not.toMatch(/分享|转发/)
  })
})
