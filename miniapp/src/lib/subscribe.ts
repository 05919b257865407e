import Taro from '@tarojs/taro'
import type { SubscribeResult, SubscribeTemplateKey, SubscribeTemplates } from '@linli/shared'
import { call, routes } from '../api'

/** WeChat shows at most three templates in one request. */
const MAX_PER_REQUEST = 3

let loaded: SubscribeTemplates | null = null
let loading: Promise<SubscribeTemplates> | null = null

/**
 * Fetches which templates the server sends (once per app run). Call when a page opens: the request itself
 * must happen synchronously inside the tap, so the ids have to be here already.
 */
export function loadSubscribeTemplates(): Promise<SubscribeTemplates> {
  if (loaded) return Promise.resolve(loaded)
  loading ??= call(routes.subscribeTemplates)
    .then((templates) => (loaded = templates))
    .catch(() => {
      loading = null
      return { enabled: false, templates: [] }
    })
  return loading
}

/** Whether WeChat reminders can be asked for here: the weapp, and the server has templates set up. */
export function subscribeAvailable(): boolean {
  return process.env.TARO_ENV === 'weapp' && typeof Taro.requestSubscribeMessage === 'function' && Boolean(loaded?.enabled)
}

/**
 * Asks WeChat to allow these reminders, then tells the server which were allowed (each allow is one message).
 * Call it first thing in a tap handler (WeChat only shows the request from a tap). Never throws: the action
 * the tap was for goes ahead whatever the answer, and the inbox gets every notice anyway.
 */
export async function askForReminders(keys: SubscribeTemplateKey[]): Promise<void> {
  if (!subscribeAvailable() || !loaded) return
  // In the caller's order of importance: only the first three fit in one request.
  const templates = loaded.templates
  const wanted = keys.flatMap((key) => templates.filter((t) => t.key === key)).slice(0, MAX_PER_REQUEST)
  if (wanted.length === 0) return
  try {
    // entityIds is Alipay's; WeChat takes tmplIds alone.
    const option = { tmplIds: wanted.map((t) => t.templateId) } as Taro.requestSubscribeMessage.Option
    const answer = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, unknown>
    const results = subscribeResults(wanted, answer)
    if (results.length > 0) await call(routes.recordSubscriptions, { body: { results } })
  } catch {
    // Declined the whole request, or the network failed: the notice still reaches 我的消息.
  }
}

/** Turns WeChat's answer ({ [templateId]: 'accept' | 'reject' | 'ban' | 'filter', errMsg }) into the server's shape. */
export function subscribeResults(
  wanted: { key: SubscribeTemplateKey; templateId: string }[],
  answer: Record<string, unknown>,
): { key: SubscribeTemplateKey; result: SubscribeResult }[] {
  const known: SubscribeResult[] = ['accept', 'reject', 'ban', 'filter']
  return wanted.flatMap((t) => {
    const result = answer[t.templateId]
    return typeof result === 'string' && (known as string[]).includes(result) ? [{ key: t.key, result: result as SubscribeResult }] : []
  })
}

/** For tests. */
export function resetSubscribeTemplates(): void {
  loaded = null
  loading = null
}
