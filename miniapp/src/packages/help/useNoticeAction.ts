import { useState } from 'react'
import { messageOf } from '../../api'
import type { NoticeText } from '../staff/shared/Notice'

/**
 * Runs a step and says what happened: `done` on success, the server's own words on failure; either way the
 * list is read again, since a refused step usually means someone else moved it first.
 */
export function useNoticeAction(reload: () => Promise<void>) {
  const [notice, setNotice] = useState<NoticeText | null>(null)
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      setNotice({ kind: 'done', text: done })
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) })
    }
    await reload()
  }
  return { notice, setNotice, act }
}
