import './zod-jitless'
import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { configureZod } from '@linli/shared'
import { listenForPrivacyAuthorization } from './lib/privacy'
import { markDocumentForElderMode } from './stores/display'
import './app.css'

// Chinese validation messages, and no `new Function` (WeChat forbids dynamic code).
configureZod()

// WeChat holds privacy-related APIs until the user agrees in our prompt (components/PrivacyPrompt); H5 has no such step.
if (process.env.TARO_ENV === 'weapp') listenForPrivacyAuthorization(Taro.onNeedPrivacyAuthorization)

markDocumentForElderMode()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
