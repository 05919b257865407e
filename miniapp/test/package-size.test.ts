import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const KB = 1024
const script = join(__dirname, '..', 'scripts', 'package-size.mjs')

/** A fake weapp build: app.json, one built page per entry, and padding files of the given sizes. */
function build(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'linli-weapp-'))
  const page = (path: string) => ['.js', '.json', '.wxml'].forEach((ext) => write(`${path}${ext}`, 10))
  const write = (path: string, bytes: number) => {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), 'x'.repeat(bytes))
  }
  writeFileSync(
    join(root, 'app.json'),
    JSON.stringify({
      pages: ['pages/home/index'],
      subPackages: [{ root: 'packages/activity', pages: ['detail/index'] }],
      tabBar: { list: [{ pagePath: 'pages/home/index', text: '首页' }] },
    }),
  )
  page('pages/home/index')
  page('packages/activity/detail/index')
  for (const [path, bytes] of Object.entries(files)) write(path, bytes)
  return root
}

function check(files: Record<string, number>) {
  const root = build(files)
  try {
    const run = spawnSync(process.execPath, [script, root], { encoding: 'utf8' })
    return { status: run.status, out: run.stdout + run.stderr }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

describe('package-size.mjs (run by CI after the weapp build)', () => {
  it('passes a build within the budget and prints every package', () => {
    const { status, out } = check({ 'vendors.js': 1400 * KB, 'packages/activity/big.js': 1900 * KB })
    expect(status).toBe(0)
    expect(out).toMatch(/main package\s+1400\.\d KB/)
    expect(out).toMatch(/packages\/activity\s+1900\.\d KB/)
  })

  it('fails when the main package passes 1.5 MB', () => {
    const { status, out } = check({ 'vendors.js': 1537 * KB })
    expect(status).toBe(1)
    expect(out).toMatch(/main package is 1537\.\d KB, over 1536\.0 KB/)
  })

  it('fails when a subpackage passes 2 MB', () => {
    const { status, out } = check({ 'packages/activity/big.js': 2049 * KB })
    expect(status).toBe(1)
    expect(out).toMatch(/packages\/activity is 2049\.\d KB, over 2048\.0 KB/)
  })
})
