import type { ServiceRequest, ServiceRequestAction } from '@linli/shared'
import { Button } from '../../components/nutui'

/** A request's step as a big button with its word, shown only when the server says the caller may take it. */
export function StepButton({
  request,
  step,
  label,
  onClick,
  danger,
}: {
  request: ServiceRequest
  step: ServiceRequestAction
  label: string
  onClick: () => void
  danger?: boolean
}) {
  if (!request.actions.includes(step)) return null
  return (
    <Button id={`request-${step}-${request.id}`} size='large' type={danger ? 'danger' : 'primary'} fill={danger ? 'outline' : 'solid'} onClick={onClick}>
      {label}
    </Button>
  )
}
