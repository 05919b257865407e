import { Text, View } from '@tarojs/components'
import { LinkCell } from '../../../components/LinkCell'
import { Page } from '../../../components/Page'
import { collectedFields } from '../../../lib/privacy'
import { goTo } from '../../../navigation'
import { session } from '../../../stores/session'
import '../privacy.css'

/** 隐私说明: every field Linli collects, why, and from whom; open to anyone, logged in or not. */
export default function PrivacyPolicyPage() {
  return (
    <Page>
      <View className='ll-body'>
        <Text className='ll-title'>邻里共治隐私说明</Text>
        <Text className='ll-text'>我们只收集办社区事务用得到的信息，不卖给任何人，也不用来做广告。下面是全部内容和用途。</Text>

        <Text className='ll-section-title'>我们收集什么、为什么</Text>
        <View className='ll-card' id='privacy-fields'>
          {collectedFields.map((field) => (
            <View className='privacy-field' key={field.id} id={`privacy-field-${field.id}`}>
              <Text className='ll-heading'>{field.name}</Text>
              <Text className='ll-text'>{field.why}</Text>
              <Text className='ll-secondary'>向谁收集：{field.who}</Text>
            </View>
          ))}
        </View>

        <Text className='ll-section-title'>谁能看到</Text>
        <View className='ll-card'>
          <Text className='ll-text'>只有负责您所在社区的居委会、街道和活动组织方的工作人员，在办事需要时能看到；他们的每次操作都有记录。</Text>
        </View>

        <Text className='ll-section-title'>您的权利</Text>
        <View className='ll-card'>
          <Text className='ll-text'>您随时可以在“我的 → 我的数据”里导出我们保存的关于您的全部信息，也可以注销账号。</Text>
        </View>
        {session.isLoggedIn() ? <LinkCell id='privacy-go-my-data' title='我的数据' description='导出我的数据，或注销账号' onClick={() => goTo('myData')} /> : null}
      </View>
    </Page>
  )
}
