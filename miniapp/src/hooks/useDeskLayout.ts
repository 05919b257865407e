import { useEffect, useState } from 'react'

/** From this width up, staff pages lay out for a desk: tables instead of cards (UI.md). */
export const DESK_MIN_WIDTH = 1024

function isWide(): boolean {
  return process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.innerWidth >= DESK_MIN_WIDTH
}

/** Whether to show the desk layout; follows the browser window as it is resized. Phones (weapp) never do. */
export function useDeskLayout(): boolean {
  const [desk, setDesk] = useState(isWide)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined
    const update = () => setDesk(isWide())
    window.addEventListener('resize', update)
    return () => window.removeEventListener('resize', update)
  }, [])
  return desk
}
