import { fireEvent, waitFor } from '@testing-library/react'

/** The element with this id, or a failure naming the id. */
export function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no #${id}`)
  return element
}

/**
 * Types into a Taro/NutUI Input or Textarea with this id. Taro's web components render their
 * native field late under load; an event on the bare host is lost, and setting a Textarea host's
 * value before its field exists throws inside Taro, so this waits for the field first.
 */
export async function typeInto(id: string, value: string) {
  const field = await waitFor(() => {
    const host = byId(id)
    const inner = host.querySelector('input, textarea')
    if (!inner && host.tagName.toLowerCase().startsWith('taro-')) throw new Error(`#${id} not rendered yet`)
    return inner ?? host
  })
  fireEvent.input(field, { target: { value }, detail: { value } })
}
