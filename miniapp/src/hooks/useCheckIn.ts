import { useState } from 'react'
import Taro from '@tarojs/taro'
import { messageOf } from '../api'

export type CheckInOutcome = { done: string } | { error: string }
export interface CheckInMessage {
  kind: 'error' | 'done'
  text: string
}

/**
 * The typed code, the busy flag and the outcome of a check-in, whoever checks whom in: `attempt` answers a local
 * problem itself (`{ error }`) or calls the server and says what happened (`{ done }`); server errors become the
 * server's own message. `scan` reads a QR in WeChat and attempts it the same way.
 */
export function useCheckIn(attempt: (raw: string) => Promise<CheckInOutcome>, options: { clearOnDone?: boolean } = {}) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<CheckInMessage>()

  const submit = async (raw: string) => {
    setBusy(true)
    setMessage(undefined)
    try {
      const outcome = await attempt(raw)
      if ('error' in outcome) {
        setMessage({ kind: 'error', text: outcome.error })
        return
      }
      setMessage({ kind: 'done', text: outcome.done })
      if (options.clearOnDone) setCode('')
    } catch (error) {
      setMessage({ kind: 'error', text: messageOf(error) })
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    let scanned: string
    try {
      // A mini-program code of this app answers the page it opens in `path`, with the scene.
      const answer = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      scanned = answer.path || answer.result
    } catch {
      return // The scanner was closed: nothing to say.
    }
    await submit(scanned)
  }

  return { code, setCode, busy, message, submit, scan }
}
