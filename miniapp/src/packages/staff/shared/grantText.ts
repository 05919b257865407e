import { roleLabels, type GrantScopeRef, type Role } from '@linli/shared'

/** "幸福里社区（和平街道）的居委会工作人员": the role and where it is held, as staff say it. */
export function grantText(role: Role, scope: GrantScopeRef): string {
  const where = scope.kind === 'street' ? scope.name : scope.streetName && scope.name ? `${scope.name}（${scope.streetName}）` : scope.name
  return where ? `${where}的${roleLabels[role]}` : roleLabels[role]
}

/** What a scanned or linked invite carries in `scene`: `i=<code>`. */
export function inviteCodeOf(scene: string | undefined): string | undefined {
  const match = scene ? /^i=([A-Za-z0-9]{6})$/.exec(scene) : null
  return match ? match[1].toUpperCase() : undefined
}
