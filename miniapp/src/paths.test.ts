import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pagePaths, subPackages, tabPages, type PageName } from './paths'

/** Pages registered in app.config.ts: the tab pages and login in the main package, the rest in subpackages. */
const registered: PageName[] = [...tabPages, 'login', ...subPackages.flatMap((p) => [...p.pages])]

describe('page registry', () => {
  it('registers every named page exactly once, so navigating to it never finds a missing page', () => {
    const names = Object.keys(pagePaths) as PageName[]
    expect([...registered].sort()).toEqual([...names].sort())
  })

  it('puts each subpackage page under its root, and each page has its source file', () => {
    for (const { root, pages } of subPackages) {
      for (const name of pages) expect(pagePaths[name].startsWith(`${root}/`)).toBe(true)
    }
    for (const path of Object.values(pagePaths)) expect(existsSync(join(__dirname, `${path}.tsx`))).toBe(true)
  })
})
