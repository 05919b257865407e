// Leaves a .br and a .gz beside every text file of the H5 build, so the server sends them as they are
// (@fastify/static preCompressed) and never compresses per request. Run after `taro build --type h5`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = new URL('../dist/h5/', import.meta.url).pathname
const TEXT = /\.(html|js|css|svg|json|txt|map)$/
// Below one packet compression saves nothing worth a second request path.
const MIN_BYTES = 1024

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else yield path
  }
}

let raw = 0
let brotli = 0
for (const path of files(root)) {
  if (!TEXT.test(path)) continue
  const bytes = readFileSync(path)
  if (bytes.length < MIN_BYTES) continue
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
  writeFileSync(`${path}.br`, br)
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }))
  raw += bytes.length
  brotli += br.length
}
console.log(`precompressed ${Math.round(raw / 1024)} KB of H5 text files to ${Math.round(brotli / 1024)} KB brotli (and gzip)`)
