import { Text, View } from '@tarojs/components'
import { staffToolsFor } from '@linli/shared'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useMe } from '../../../hooks/useSession'
import { goTo } from '../../../navigation'
import './index.css'

/**
 * 工作台: a staff member's console, the one way in to the tools their grants open (the same list as the desk's side
 * navigation), as big cells a thumb or a mouse finds at once.
 */
export default function StaffHomePage() {
  const { state, reload } = useMe('staffHome')
  const me = state.data

  const body = () => {
    if (!me) return state.status === 'error' ? <ErrorState error={state.error} onRetry={reload} /> : <LoadingState />
    const tools = staffToolsFor(me.grants)
    if (!tools.length) {
      return <EmptyState title='您还没有工作人员身份' description='有了居委会、街道或社会组织给的邀请码，在“我的 → 接受邀请”里输入，就能在这里办事。' />
    }
    return (
      <View id='staff-tools' className='staff-tools'>
        {tools.map((tool) => (
          <View
            key={tool.key}
            id={`staff-tool-${tool.key}`}
            className='ll-card staff-tool'
            hoverClass='staff-tool-pressed'
            role='link'
            onClick={() => goTo(tool.page)}
          >
            <Text className='ll-heading'>{tool.label}</Text>
            <Text className='ll-secondary'>{tool.description}</Text>
          </View>
        ))}
      </View>
    )
  }

  return (
    <Page>
      <StaffFrame current='staffHome'>
        <View className='ll-body'>{body()}</View>
      </StaffFrame>
    </Page>
  )
}
