import Taro from '@tarojs/taro'
import { buildPath, routes } from '@linli/shared'
import { API_BASE, ApiError } from '../../../api'
import { clientErrorMessages } from '../../../api/errors'
import { session } from '../../../stores/session'

/**
 * The attendee list as an Excel file. It needs the bearer token, so H5 fetches it as a blob and saves it;
 * WeChat downloads it and opens it in its document viewer (from where it can be forwarded).
 */
export async function exportSignups(activityId: number, title: string): Promise<void> {
  const url = `${API_BASE}${buildPath(routes.exportSignups.path, { id: activityId })}?format=xlsx`
  const header: Record<string, string> = {}
  const token = session.token()
  if (token) header.Authorization = `Bearer ${token}`

  if (process.env.TARO_ENV === 'h5') {
    let response: Response
    try {
      response = await fetch(url, { headers: header })
    } catch {
      throw new ApiError('NETWORK_ERROR', clientErrorMessages.NETWORK_ERROR, 0)
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { message?: string } | null
      throw new ApiError('BAD_RESPONSE', body?.message ?? clientErrorMessages.BAD_RESPONSE, response.status)
    }
    const blob = await response.blob()
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = `报名名单-${title}.xlsx`
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    return
  }

  const file = await Taro.downloadFile({ url, header }).catch(() => {
    throw new ApiError('NETWORK_ERROR', clientErrorMessages.NETWORK_ERROR, 0)
  })
  if (file.statusCode !== 200) throw new ApiError('BAD_RESPONSE', '没能导出名单，请稍后再试', file.statusCode)
  await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true })
}
