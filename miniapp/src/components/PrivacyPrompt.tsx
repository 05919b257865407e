import { Button as NativeButton, Text, View } from '@tarojs/components'
import { PRIVACY_AGREE_BUTTON_ID, usePrivacyRequest } from '../lib/privacy'
import { goTo } from '../navigation'
import { Button, Dialog } from './nutui'

/**
 * WeChat's privacy consent, shown when WeChat asks for it (see listenForPrivacyAuthorization). The agree button
 * must be WeChat's own `agreePrivacyAuthorization` button; 不同意 only stops the one action that asked.
 */
export function PrivacyPrompt() {
  const { visible, agree, disagree } = usePrivacyRequest()
  if (!visible) return null
  return (
    <Dialog
      visible
      title='隐私保护提示'
      onClose={disagree}
      footer={
        <View className='ll-dialog-actions'>
          <NativeButton id={PRIVACY_AGREE_BUTTON_ID} className='ll-native-primary' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={agree}>
            同意并继续
          </NativeButton>
          <Button id='privacy-disagree' className='ll-dialog-back' size='large' block fill='outline' onClick={disagree}>
            不同意
          </Button>
        </View>
      }
    >
      <Text className='ll-text'>使用这项功能前，请您先看一下邻里共治会收集哪些信息、为什么收集。</Text>
      <Text id='privacy-open-policy' className='ll-link' onClick={() => goTo('privacyPolicy')}>
        查看《邻里共治隐私说明》
      </Text>
    </Dialog>
  )
}
