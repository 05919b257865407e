import { configure } from '@testing-library/react'
import { configureZod } from '@linli/shared'
import { resetTaroShim } from './taro-shim'

configureZod()

// Taro's H5 elements (Stencil) render a beat late on a busy CI machine: give findBy/waitFor five seconds, not one.
configure({ asyncUtilTimeout: 5000 })
jest.setTimeout(20_000)

// NutUI's overlay uses react-transition-group, which still calls findDOMNode: not ours to fix.
const consoleError = console.error
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return
  consoleError(...args)
}

beforeEach(() => {
  localStorage.clear()
  resetTaroShim()
})
