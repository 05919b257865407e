import Taro from '@tarojs/taro'

export interface PickedFile {
  name: string
  /** The file's bytes in base64: the server reads UTF-8 or GBK, as spreadsheets save CSV. */
  base64: string
}

function toBase64(bytes: ArrayBuffer): string {
  let binary = ''
  const view = new Uint8Array(bytes)
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Lets staff pick a .csv file: in a browser (H5, the desk) the system file dialog; in WeChat a file from a chat
 * (chooseMessageFile), the way phones receive spreadsheets. Resolves null when nothing was chosen.
 */
export async function pickCsvFile(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = '.csv,text/csv'
      input.onchange = () => {
        const file = input.files?.[0]
        if (!file) return resolve(null)
        void file.arrayBuffer().then((bytes) => resolve({ name: file.name, base64: toBase64(bytes) }))
      }
      input.click()
    })
  }
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] })
    const file = tempFiles[0]
    if (!file) return null
    const base64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string
    return { name: file.name, base64 }
  } catch {
    return null
  }
}

/** A picked file's text, for imports that take text: UTF-8 (BOM allowed), else GBK where the runtime can read it. */
export function decodeCsvText(base64: string): string {
  // WeChat has no atob; Taro's converter works in both targets.
  const bytes = new Uint8Array(Taro.base64ToArrayBuffer(base64))
  if (typeof TextDecoder !== 'undefined') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return new TextDecoder('gbk').decode(bytes)
    }
  }
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return decodeURIComponent(escape(binary))
}
