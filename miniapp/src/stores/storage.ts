import Taro from '@tarojs/taro'

/** Taro storage (wx storage / localStorage) that never throws: a full or broken store just forgets. */
export const storage = {
  get<T>(key: string): T | null {
    try {
      const value: unknown = Taro.getStorageSync(key)
      return value === '' || value === undefined || value === null ? null : (value as T)
    } catch {
      return null
    }
  },
  set(key: string, value: unknown): void {
    try {
      Taro.setStorageSync(key, value)
    } catch {
      // Storage full or unavailable: the setting lasts for this session only.
    }
  },
  remove(key: string): void {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // Nothing stored, nothing to remove.
    }
  },
}
