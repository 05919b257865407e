import Taro from '@tarojs/taro'
import { routes } from '@linli/shared'
import { goToLogin } from '../navigation'
import { session } from '../stores/session'
import { createApiClient, createUploader, type FileUploadTransport, type HttpTransport } from './client'

export { ApiError, messageOf } from './errors'
export { isRetryable, useActionAttempt } from './retry'
export { routes }

/** H5 is served by the API server itself, so it always calls its own origin. */
export const API_BASE = process.env.TARO_ENV === 'h5' ? '/api' : (process.env.TARO_APP_API_BASE ?? 'https://linli.example.com/api')

const REQUEST_TIMEOUT_MS = 15_000

const taroTransport: HttpTransport = async ({ url, method, header, data }) => {
  const response = await Taro.request({ url, method, header, data: data as TaroGeneral.IAnyObject, dataType: 'json', timeout: REQUEST_TIMEOUT_MS })
  return { statusCode: response.statusCode, data: response.data }
}

const onUnauthorized = () => {
  session.clear()
  goToLogin()
}

export const call = createApiClient({ baseUrl: API_BASE, transport: taroTransport, getToken: session.token, onUnauthorized })

/** Photos travel a slow phone connection: give them longer than a plain request. */
const UPLOAD_TIMEOUT_MS = 60_000

const taroUploadTransport: FileUploadTransport = async ({ url, filePath, name, header }) => {
  const response = await Taro.uploadFile({ url, filePath, name, header, timeout: UPLOAD_TIMEOUT_MS })
  return { statusCode: response.statusCode, data: response.data }
}

/** `upload(routes.uploadImage, tempFilePath, size)`: sends a chosen photo through Taro.uploadFile. */
export const upload = createUploader({ baseUrl: API_BASE, transport: taroUploadTransport, getToken: session.token, onUnauthorized })
