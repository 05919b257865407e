import jsQR from 'jsqr'
import { qrDataUrl, qrMatrix } from './qr'

/** Paints the matrix as RGBA pixels with a quiet zone, as a camera would see the screen. */
function toPixels(matrix: boolean[][], scale = 4, quiet = 4) {
  const size = (matrix.length + quiet * 2) * scale
  const data = new Uint8ClampedArray(size * size * 4).fill(255)
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const i = (((r + quiet) * scale + y) * size + (c + quiet) * scale + x) * 4
          data[i] = data[i + 1] = data[i + 2] = 0
        }
      }
    }),
  )
  return { data, size }
}

describe('QR codes for check-in', () => {
  it.each(['K7Q2M9XA', 'linli-checkin:42:5f0c1d2e3a4b5c6d'])('decodes back to exactly what was encoded: %s', (text) => {
    const { data, size } = toPixels(qrMatrix(text))

    expect(jsQR(data, size, size)?.data).toBe(text)
  })

  it('is an image data URL that WeChat and the browser both show', () => {
    expect(qrDataUrl('K7Q2M9XA')).toMatch(/^data:image\/gif;base64,[A-Za-z0-9+/=]+$/)
  })
})
