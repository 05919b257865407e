import { useState } from 'react'
import { View } from '@tarojs/components'
import { routes, type AssignServiceRequest, type ServiceRequest } from '@linli/shared'
import { call } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { useResource } from '../../../hooks/useResource'
import { ChoiceButton } from '../../staff/shared/Field'

/** 派单: to myself, or to an organisation authorised to serve the request's community. */
export function AssignDialog({
  request,
  myId,
  onAssign,
  onClose,
}: {
  request: ServiceRequest | null
  myId: number
  onAssign: (to: AssignServiceRequest) => Promise<void>
  onClose: () => void
}) {
  const organisations = useResource(() => call(routes.organisations), { enabled: request !== null, key: request?.id })
  const [choice, setChoice] = useState<number | 'me'>('me')
  const serving = (organisations.state.data?.items ?? []).filter((o) => request && o.communityIds.includes(request.communityId))

  return (
    <ConfirmDialog
      visible={request !== null}
      title='派给谁？'
      confirmId='assign-confirm'
      confirmText='派单'
      cancelText='取消'
      onConfirm={() => onAssign(choice === 'me' ? { kind: 'staff', id: myId } : { kind: 'organisation', id: choice })}
      onClose={onClose}
    >
      <View id='assign-choices' className='setup-choice'>
        <ChoiceButton selected={choice === 'me'} label='我自己去' onClick={() => setChoice('me')} />
        {serving.map((o) => (
          <ChoiceButton key={o.id} selected={choice === o.id} label={o.name} onClick={() => setChoice(o.id)} />
        ))}
      </View>
    </ConfirmDialog>
  )
}
