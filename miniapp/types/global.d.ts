/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5'
    /** Weapp API base, from .env.<mode>; H5 always uses /api on its own origin. */
    TARO_APP_API_BASE?: string
  }
}
