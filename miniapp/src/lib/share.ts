import { pagePaths, type PageName } from '../paths'

/**
 * A share card: the page's own title and cover, nothing more. Nothing is ever promised for sharing and nothing
 * waits on it (WeChat's review forbids "share to vote" or "share to see results", and so do we).
 */
export function shareCard(page: PageName, id: number, title: string, imageUrl?: string | null) {
  return { title, path: `/${pagePaths[page]}?id=${id}`, ...(imageUrl ? { imageUrl } : {}) }
}

/** The same card for 朋友圈, which opens the page in single-page mode with this query. */
export function timelineCard(id: number, title: string, imageUrl?: string | null) {
  return { title, query: `id=${id}`, ...(imageUrl ? { imageUrl } : {}) }
}
