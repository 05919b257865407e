import Taro from '@tarojs/taro'
import { API_BASE, ApiError } from '../api'
import { clientErrorMessages } from '../api/errors'
import { session } from '../stores/session'

/**
 * A file the API makes for staff (an Excel export). It needs the bearer token, so H5 fetches it as a blob and
 * saves it under `filename`; WeChat downloads it and opens it in its document viewer (from where it can be
 * forwarded). `failed` is what to say when the server answers without a message of its own.
 */
export async function downloadFile(path: string, filename: string, failed: string): Promise<void> {
  const url = `${API_BASE}${path}`
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
      throw new ApiError('BAD_RESPONSE', body?.message ?? failed, response.status)
    }
    const blob = await response.blob()
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    return
  }

  const file = await Taro.downloadFile({ url, header }).catch(() => {
    throw new ApiError('NETWORK_ERROR', clientErrorMessages.NETWORK_ERROR, 0)
  })
  if (file.statusCode !== 200) throw new ApiError('BAD_RESPONSE', failed, file.statusCode)
  const fileType = filename.slice(filename.lastIndexOf('.') + 1) as 'xlsx'
  await Taro.openDocument({ filePath: file.tempFilePath, fileType, showMenu: true })
}
