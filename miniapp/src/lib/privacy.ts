import Taro from '@tarojs/taro'
import type { MyDataExport } from '@linli/shared'
import { createStore, useStore } from '../stores/store'

/** One thing Linli keeps about a person: what it is, why, and who is asked for it. */
export interface CollectedField {
  id: string
  name: string
  why: string
  who: string
}

/**
 * Every field Linli collects, and why (the privacy page and WeChat's privacy guide both list these). A new
 * column holding personal data belongs here, in the export (server/src/privacy) and in account deletion.
 */
export const collectedFields: CollectedField[] = [
  { id: 'openid', name: '微信标识（openid）', why: '用微信登录时认出是您，不用另设密码', who: '所有用户' },
  { id: 'nickname', name: '昵称', why: '在活动报名名单、记名投票里显示，方便工作人员称呼您；改昵称时先做内容检查，需要时由社区工作人员看过再显示', who: '所有用户' },
  { id: 'avatar', name: '头像', why: '在“我的”页面显示', who: '自己设置的用户' },
  { id: 'birth-year', name: '出生年份', why: '有年龄要求的活动（如老年课堂）判断您能否报名', who: '自己填写的用户' },
  { id: 'real-name', name: '真实姓名', why: '认证住户时，居委会用它和户籍名单核对', who: '申请认证住户的居民' },
  { id: 'home', name: '住址（楼栋、单元、房号）', why: '决定您能参加哪些只面向本社区、本楼的活动和议事投票', who: '认证住户的居民' },
  { id: 'companions', name: '同行家人的称呼和关系', why: '替家人报名时占座，现场核对人数', who: '替家人报名的居民' },
  { id: 'answers', name: '报名问题的回答', why: '组织方准备活动（如忌口、衣服尺码），只给这次活动的组织方看', who: '报名时填写的居民' },
  { id: 'checkin', name: '签到、签退时间', why: '记录到场情况和志愿服务时长', who: '参加活动的居民和志愿者' },
  {
    id: 'votes',
    name: '投票',
    why: '无记名投票只记您投过票（防止重复投），您选了什么不和您相连；记名投票会记下您的选择',
    who: '参加议事投票的居民',
  },
  { id: 'opinion', name: '意见箱留言', why: '让居委会看到大家的想法；无记名投票时留言也不和您相连', who: '留言的居民' },
  { id: 'subscriptions', name: '微信消息订阅', why: '您同意后，用微信服务通知提醒报名结果、活动变动和投票', who: '点了“允许”的用户' },
  { id: 'phone', name: '手机号', why: '只向工作人员要，作为活动的联系电话；任何地方都只显示部分号码', who: '仅工作人员' },
  { id: 'reads', name: '文章阅读记录', why: '统计阅读人数（每人每天算一次）', who: '看文章的用户' },
  { id: 'inbox', name: '站内消息', why: '通知您报名结果、候补空位和活动变动', who: '所有用户' },
  { id: 'uploads', name: '上传的图片', why: '文章和活动的封面、插图', who: '仅工作人员' },
  { id: 'location', name: '位置（经纬度）', why: '您点“用我现在的位置”时，用来找离您最近的服务点；只用这一次，不保存', who: '点了“用我现在的位置”的用户' },
]

// ---- WeChat's privacy authorization (onNeedPrivacyAuthorization + an agree button) ----

type ResolveOption = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }
type Resolve = (option: ResolveOption) => void
type Listen = (listener: (resolve: Resolve) => void) => void

/** The id of the one agree button; WeChat checks that this very button was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

const pending = createStore<Resolve | null>(null)

/**
 * Listens for WeChat asking for the user's consent before a privacy-related API runs (the first wx.login,
 * getPhoneNumber, choosing an image…). The API waits until the user taps 同意 or 不同意 in PrivacyPrompt.
 * Outside WeChat there is no such event: nothing to listen to, and nothing waits.
 */
export function listenForPrivacyAuthorization(listen: Listen | undefined): boolean {
  if (typeof listen !== 'function') return false
  listen((resolve) => {
    // Tell WeChat the prompt is on screen, as its rules ask.
    resolve({ event: 'exposureAuthorization' })
    pending.set(resolve)
  })
  return true
}

export function usePrivacyRequest(): { visible: boolean; agree: () => void; disagree: () => void } {
  const resolve = useStore(pending)
  return {
    visible: resolve !== null,
    agree: () => {
      resolve?.({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
      pending.set(null)
    },
    disagree: () => {
      resolve?.({ event: 'disagree' })
      pending.set(null)
    },
  }
}

// ---- Export my data ----

export function exportFileName(data: MyDataExport): string {
  return `邻里共治-我的数据-${data.exportedAt.slice(0, 10)}.json`
}

/**
 * Saves the export as a JSON file. H5: the browser downloads it. WeChat: written to the app's own files and
 * sent through 发送给朋友 (e.g. to 文件传输助手), WeChat's only way to hand a file out. Returns how it was saved,
 * so the page can say so; 'shown' when neither works and the page shows the text instead.
 */
export async function saveMyData(data: MyDataExport): Promise<'downloaded' | 'shared' | 'shown'> {
  const json = JSON.stringify(data, null, 2)
  const fileName = exportFileName(data)
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }))
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    return 'downloaded'
  }
  const env = (Taro as unknown as { env?: { USER_DATA_PATH?: string } }).env
  if (!env?.USER_DATA_PATH || typeof Taro.shareFileMessage !== 'function') return 'shown'
  const filePath = `${env.USER_DATA_PATH}/my-data.json`
  Taro.getFileSystemManager().writeFileSync(filePath, json, 'utf8')
  await Taro.shareFileMessage({ filePath, fileName })
  return 'shared'
}
