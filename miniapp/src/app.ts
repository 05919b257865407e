import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { listenForPrivacyAuthorization } from './lib/privacy'
import { markDocumentForElderMode } from './stores/display'
import './app.css'

// zod (Chinese messages, no `new Function`) is set up where the pages import the contract: src/shared-runtime.ts.

// WeChat holds privacy-related APIs until the user agrees in our prompt (components/PrivacyPrompt); H5 has no such step.
if (process.env.TARO_ENV === 'weapp') listenForPrivacyAuthorization(Taro.onNeedPrivacyAuthorization)

markDocumentForElderMode()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
