/**
 * Every page path of the app, in one place: app.config.ts registers them and all navigation goes
 * through src/navigation.ts with these names — no path strings anywhere else.
 */
export const pagePaths = {
  home: 'pages/home/index',
  activities: 'pages/activities/index',
  consult: 'pages/consult/index',
  mine: 'pages/mine/index',
  login: 'pages/login/index',
  claimHousehold: 'packages/residency/claim/index',
  staffClaims: 'packages/staff/claims/index',
  activityDetail: 'packages/activity/detail/index',
  mySignups: 'packages/activity/signups/index',
  inbox: 'packages/activity/inbox/index',
  activityCheckin: 'packages/activity/checkin/index',
  attendees: 'packages/staff/attendees/index',
  activityForm: 'packages/staff/activity-form/index',
  poll: 'packages/poll/detail/index',
  pollReceipt: 'packages/poll/receipt/index',
  pollPaper: 'packages/poll/paper/index',
  pollOpinions: 'packages/poll/opinions/index',
  pollForm: 'packages/staff/poll-form/index',
  article: 'packages/article/detail/index',
  staffArticles: 'packages/staff/articles/index',
  articleForm: 'packages/staff/article-form/index',
  staffWechatSends: 'packages/staff/wechat-sends/index',
  staffModeration: 'packages/staff/moderation/index',
  privacyPolicy: 'packages/privacy/policy/index',
  myData: 'packages/privacy/my-data/index',
  editNickname: 'packages/privacy/nickname/index',
  staffInvite: 'packages/staff/invite/index',
  staffPeople: 'packages/staff/people/index',
  staffAuditLog: 'packages/staff/audit-log/index',
} as const

export type PageName = keyof typeof pagePaths

/** Tab pages live in the main package; feature pages in subpackages keep it small. */
export const tabPages = ['home', 'activities', 'consult', 'mine'] as const satisfies readonly PageName[]

export const subPackages = [
  { root: 'packages/residency', pages: ['claimHousehold'] },
  { root: 'packages/staff', pages: ['staffClaims', 'attendees', 'activityForm', 'pollForm', 'staffArticles', 'articleForm', 'staffWechatSends', 'staffModeration', 'staffInvite', 'staffPeople', 'staffAuditLog'] },
  { root: 'packages/activity', pages: ['activityDetail', 'mySignups', 'inbox', 'activityCheckin'] },
  { root: 'packages/poll', pages: ['poll', 'pollReceipt', 'pollPaper', 'pollOpinions'] },
  { root: 'packages/article', pages: ['article'] },
  { root: 'packages/privacy', pages: ['privacyPolicy', 'myData', 'editNickname'] },
] as const satisfies readonly { root: string; pages: readonly PageName[] }[]

export function isTabPage(name: PageName): boolean {
  return (tabPages as readonly PageName[]).includes(name)
}

/** Page path relative to its subpackage root, as app.config's subPackages wants it. */
export function subPackagePagePath(root: string, name: PageName): string {
  return pagePaths[name].slice(root.length + 1)
}
