import { fireEvent } from '@testing-library/react'

/** The element with this id, or a failure naming the id. */
export function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no #${id}`)
  return element
}

/** Types into a NutUI Input (it puts our id on Taro's input element). */
export function typeInto(id: string, value: string) {
  fireEvent.input(byId(id), { target: { value }, detail: { value } })
}
