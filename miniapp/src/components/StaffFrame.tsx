import { useEffect, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { routes, staffToolsFor, type PageName } from '@linli/shared'
import { call } from '../api'
import { useDeskLayout } from '../hooks/useDeskLayout'
import { switchSection } from '../navigation'
import { meStore, session, useCachedMe } from '../stores/session'
import './StaffFrame.css'

/**
 * Taro H5 sizes everything in rem from the window (capped at 40 px, twice a phone's), which on a 1366 px desk made
 * 18 px text 36 px. While a desk frame is on screen the root is held at a phone's size, so our 750-wide design px
 * are half CSS px on the desk too: body text 18 px, secondary 16 px, dense enough for a day's work.
 */
const DESK_ROOT_CLASS = 'll-desk-root'

function useDeskRoot(on: boolean) {
  const set = (value: boolean) => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle(DESK_ROOT_CLASS, value)
  }
  useEffect(() => {
    set(on)
    return () => set(false)
  }, [on])
  // Taro H5 keeps pages underneath hidden in the document: only the page on screen decides.
  useDidShow(() => set(on))
  useDidHide(() => set(false))
}

interface NavLink {
  page: PageName
  label: string
}

/** One link of the side navigation: focusable, opened by a click, Enter or Space; the current page is marked. */
function SideLink({ link, current }: { link: NavLink; current: boolean }) {
  const open = () => {
    if (!current) switchSection(link.page)
  }
  // Taro's View types know neither; in H5 they reach the element (a mini-program has no keyboard to serve).
  const keyboard = {
    tabIndex: 0,
    onKeyDown: (e: { key?: string; preventDefault?: () => void }) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault?.()
        open()
      }
    },
  } as Record<string, unknown>
  return (
    <View
      id={`staff-nav-${link.page}`}
      className={current ? 'staff-nav-link staff-nav-current' : 'staff-nav-link'}
      role='link'
      aria-current={current ? 'page' : undefined}
      onClick={open}
      {...keyboard}
    >
      <Text>{link.label}</Text>
    </View>
  )
}

/**
 * Every staff page's frame. At a desk (≥ 1024 px, H5): a side navigation with 工作台 and the tools the caller's
 * grants open (the same list as the 工作台, from shared's staffToolsFor), the page itself to its right at a
 * readable width. On phones it adds nothing: the page is as it was.
 */
export function StaffFrame({ current, children }: { current: PageName; children: ReactNode }) {
  const wide = useDeskLayout()
  const me = useCachedMe()
  // Pages that only need a login do not load me; a desk reloaded on one still needs the grants for its navigation.
  useEffect(() => {
    if (wide && !me && session.isLoggedIn()) {
      call(routes.me)
        .then((loaded) => meStore.set(loaded))
        .catch(() => undefined)
    }
  }, [wide, me])
  const tools = staffToolsFor(me?.grants ?? [])
  // Residents (on the 活动 and 议事 tabs, which staff share with them) keep their page as it is.
  const desk = wide && tools.length > 0
  useDeskRoot(desk)
  if (!desk) return <>{children}</>
  const links: NavLink[] = [{ page: 'staffHome', label: '工作台' }, ...tools.map((t) => ({ page: t.page, label: t.label }))]
  return (
    <View className='staff-frame'>
      <View id='staff-nav' className='staff-nav' role='navigation' aria-label='工作台导航'>
        <Text className='staff-nav-title'>邻里共治</Text>
        {links.map((link) => (
          <SideLink key={link.page} link={link} current={link.page === current} />
        ))}
      </View>
      <View className='staff-frame-main'>{children}</View>
    </View>
  )
}
