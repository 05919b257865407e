import type { PropsWithChildren } from 'react'
import { configureZod } from '@linli/shared'
import './app.css'

// Chinese validation messages, and no `new Function` (WeChat forbids dynamic code).
configureZod()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
