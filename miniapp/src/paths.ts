// app.config reads this module in the entry: page paths only, not the whole contract (zod and every schema).
import { pagePaths, type PageName } from '@linli/shared/page-paths'

/** The page paths live in shared (the server names them in messages and 小程序码 too); app.config.ts reads them here. */
export { pagePaths, type PageName }

/** Tab pages live in the main package; feature pages in subpackages keep it small. */
export const tabPages = ['home', 'activities', 'consult', 'mine'] as const satisfies readonly PageName[]

export const subPackages = [
  { root: 'packages/residency', pages: ['claimHousehold'] },
  { root: 'packages/staff', pages: ['staffClaims', 'attendees', 'activityForm', 'pollForm', 'staffArticles', 'articleForm', 'staffWechatSends', 'staffModeration', 'staffCommunities', 'staffOrganisations', 'staffOrgApplications', 'staffInvite', 'staffPeople', 'staffAuditLog', 'staffStats', 'deskConfirm', 'staffHome', 'staffManaged'] },
  { root: 'packages/activity', pages: ['activityDetail', 'mySignups', 'inbox', 'activityCheckin'] },
  { root: 'packages/poll', pages: ['poll', 'pollReceipt', 'pollPaper', 'pollOpinions'] },
  { root: 'packages/article', pages: ['article'] },
  { root: 'packages/privacy', pages: ['privacyPolicy', 'myData', 'editNickname', 'deskSessions', 'takeOver'] },
  { root: 'packages/groups', pages: ['orgApply'] },
  { root: 'packages/services', pages: ['serviceContracts', 'serviceProgress', 'serviceItemForm', 'serviceRegister', 'serviceLog', 'serviceTasks'] },
  { root: 'packages/circle', pages: ['nearbyServices', 'staffServicePoints'] },
  { root: 'packages/help', pages: ['askForHelp', 'myServiceRequests', 'wishes', 'staffServiceRequests', 'wishForm'] },
] as const satisfies readonly { root: string; pages: readonly PageName[] }[]

export function isTabPage(name: PageName): boolean {
  return (tabPages as readonly PageName[]).includes(name)
}

/** Page path relative to its subpackage root, as app.config's subPackages wants it. */
export function subPackagePagePath(root: string, name: PageName): string {
  return pagePaths[name].slice(root.length + 1)
}
