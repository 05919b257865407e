import { configureZod } from '@linli/shared'
import { resetTaroShim } from './taro-shim'

configureZod()

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
