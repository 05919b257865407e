#!/usr/bin/env node
// Checks the weapp build (dist/weapp) the way WeChat will: main package within our 1.5 MB budget (WeChat's limit is
// 2 MB), each subpackage within 2 MB, everything within 30 MB, and app.json naming pages that exist, with every tab
// page in the main package. Run after `pnpm build:weapp`; exits non-zero on any failure. An argument names another
// build directory (the script's own test uses one).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const MB = 1024 * 1024
const MAIN_BUDGET = 1.5 * MB
const SUBPACKAGE_LIMIT = 2 * MB
const TOTAL_LIMIT = 30 * MB

const root = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('../dist/weapp/', import.meta.url))
const problems = []

if (!existsSync(join(root, 'app.json'))) {
  console.error(`No ${join(root, 'app.json')}: run pnpm build:weapp first.`)
  process.exit(1)
}
const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'))
const subPackages = app.subPackages ?? app.subpackages ?? []

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

const sizes = { main: 0 }
for (const sub of subPackages) sizes[sub.root] = 0
for (const file of filesUnder(root)) {
  const path = relative(root, file).split(sep).join('/')
  const owner = subPackages.find((sub) => path.startsWith(`${sub.root}/`))
  sizes[owner ? owner.root : 'main'] += statSync(file).size
}
const total = Object.values(sizes).reduce((a, b) => a + b, 0)

function pageExists(path) {
  return ['.js', '.json', '.wxml'].every((ext) => existsSync(join(root, `${path}${ext}`)))
}
for (const page of app.pages ?? []) if (!pageExists(page)) problems.push(`page ${page} is in app.json but not built`)
for (const sub of subPackages) {
  for (const page of sub.pages) if (!pageExists(`${sub.root}/${page}`)) problems.push(`page ${sub.root}/${page} is in app.json but not built`)
}
for (const tab of app.tabBar?.list ?? []) {
  if (!(app.pages ?? []).includes(tab.pagePath)) problems.push(`tab page ${tab.pagePath} must be in the main package`)
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const check = (name, bytes, limit) => {
  const ok = bytes <= limit
  if (!ok) problems.push(`${name} is ${kb(bytes)}, over ${kb(limit)}`)
  return `${name.padEnd(22)} ${kb(bytes).padStart(10)}  (limit ${kb(limit)}) ${ok ? 'ok' : 'OVER'}`
}
console.log('weapp package sizes')
console.log(check('main package', sizes.main, MAIN_BUDGET))
for (const sub of subPackages) console.log(check(sub.root, sizes[sub.root], SUBPACKAGE_LIMIT))
console.log(check('all packages', total, TOTAL_LIMIT))
console.log(`tab bar: ${(app.tabBar?.list ?? []).map((t) => t.text).join(' / ')}`)

if (problems.length) {
  console.error(`\n${problems.join('\n')}`)
  process.exit(1)
}
