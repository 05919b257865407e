import { render } from '@testing-library/react'
import { makeActivity } from '../../test/fixtures'
import { ActivityCard } from './ActivityCard'

describe('ActivityCard', () => {
  it('shows the cover picture at the top when the activity has one', () => {
    const { container } = render(<ActivityCard activity={makeActivity({ coverUrl: 'https://linli.test/uploads/k/cover.jpg' })} onOpen={() => undefined} />)
    const cover = container.querySelector('.activity-card-cover')
    expect(cover?.getAttribute('src')).toBe('https://linli.test/uploads/k/cover.jpg')
    expect(container.querySelector('#activity-21')?.firstElementChild).toBe(cover)
  })

  it('shows no empty picture frame without a cover', () => {
    const { container } = render(<ActivityCard activity={makeActivity()} onOpen={() => undefined} />)
    expect(container.querySelector('.activity-card-cover')).toBeNull()
    expect(container.textContent).toContain('重阳节包饺子')
  })
})
