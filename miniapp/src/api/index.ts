import Taro from '@tarojs/taro'
import { routes } from '@linli/shared'
import { goToLogin } from '../navigation'
import { session } from '../stores/session'
import { createApiClient, type HttpTransport } from './client'

export { ApiError, messageOf } from './errors'
export { routes }

/** H5 is served by the API server itself, so it always calls its own origin. */
export const API_BASE = process.env.TARO_ENV === 'h5' ? '/api' : (process.env.TARO_APP_API_BASE ?? 'https://linli.example.com/api')

const REQUEST_TIMEOUT_MS = 15_000

const taroTransport: HttpTransport = async ({ url, method, header, data }) => {
  const response = await Taro.request({ url, method, header, data: data as TaroGeneral.IAnyObject, dataType: 'json', timeout: REQUEST_TIMEOUT_MS })
  return { statusCode: response.statusCode, data: response.data }
}

export const call = createApiClient({
  baseUrl: API_BASE,
  transport: taroTransport,
  getToken: session.token,
  onUnauthorized: () => {
    session.clear()
    goToLogin()
  },
})
