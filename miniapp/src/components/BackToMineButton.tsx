import { goTo } from '../navigation'
import { Button } from './nutui'

/** The wide button at the bottom of a result screen that ends a flow back on 我的. */
export function BackToMineButton({ id }: { id: string }) {
  return (
    <Button id={id} type='primary' size='xlarge' block onClick={() => goTo('mine')}>
      好的，回到“我的”
    </Button>
  )
}
