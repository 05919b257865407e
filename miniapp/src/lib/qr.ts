import qrcode from 'qrcode-generator'

function make(text: string) {
  // Type 0 picks the smallest size that fits; M survives a scratched or glare-covered screen.
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr
}

/** Dark (true) and light modules, row by row, without the quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  const qr = make(text)
  const size = qr.getModuleCount()
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)))
}

/**
 * The QR as an image data URL, drawn in pure JS: an <Image> shows it the same in WeChat and in H5
 * (no canvas, which differs between the two).
 */
export function qrDataUrl(text: string, cellSize = 8): string {
  return make(text).createDataURL(cellSize, cellSize * 4)
}
