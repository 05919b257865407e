/**
 * Every page path of the mini-program, in one place: the miniapp registers and navigates with these names
 * (miniapp/src/paths.ts), and the server names them in what opens a page from outside (a subscribe message,
 * a check-in 小程序码). No page path strings anywhere else.
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
  staffCommunities: 'packages/staff/communities/index',
  staffOrganisations: 'packages/staff/organisations/index',
  staffOrgApplications: 'packages/staff/org-applications/index',
  orgApply: 'packages/groups/apply/index',
  staffInvite: 'packages/staff/invite/index',
  staffPeople: 'packages/staff/people/index',
  staffAuditLog: 'packages/staff/audit-log/index',
  staffStats: 'packages/staff/stats/index',
  deskConfirm: 'packages/staff/desk-confirm/index',
  deskSessions: 'packages/privacy/desk-sessions/index',
  // Delegated services (issue 13).
  serviceContracts: 'packages/services/contracts/index',
  serviceProgress: 'packages/services/progress/index',
  serviceItemForm: 'packages/services/item-form/index',
  serviceRegister: 'packages/services/register/index',
  serviceLog: 'packages/services/log/index',
  serviceTasks: 'packages/services/tasks/index',
  // Issue 13: the 15-minute service circle.
  nearbyServices: 'packages/circle/nearby/index',
  staffServicePoints: 'packages/circle/manage/index',
  staffHome: 'packages/staff/home/index',
  staffManaged: 'packages/staff/managed/index',
  takeOver: 'packages/privacy/take-over/index',
  // Issue 13: residents ask for help, 微心愿.
  askForHelp: 'packages/help/ask/index',
  myServiceRequests: 'packages/help/my-requests/index',
  wishes: 'packages/help/wishes/index',
  staffServiceRequests: 'packages/help/staff-requests/index',
  wishForm: 'packages/help/wish-form/index',
} as const;

export type PageName = keyof typeof pagePaths;

/** A page with its query, as WeChat wants it (no leading '/'): `packages/activity/detail/index?id=3`. */
export function pageLink(name: PageName, query: Record<string, string | number> = {}): string {
  const search = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return search ? `${pagePaths[name]}?${search}` : pagePaths[name];
}
