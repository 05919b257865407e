import { pagePaths, subPackages, subPackagePagePath, tabPages } from './paths'

const tabLabels: Record<(typeof tabPages)[number], string> = {
  home: '首页',
  activities: '活动',
  consult: '议事',
  mine: '我的',
}

export default defineAppConfig({
  // The first page is where the app opens.
  pages: [...tabPages.map((name) => pagePaths[name]), pagePaths.login],
  subPackages: subPackages.map(({ root, pages }) => ({
    root,
    pages: pages.map((name) => subPackagePagePath(root, name)),
  })),
  window: {
    navigationBarTitleText: '邻里共治',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f3ef',
    backgroundTextStyle: 'dark',
  },
  // Privacy-related APIs wait for the user's consent (lib/privacy.ts listens; components/PrivacyPrompt asks).
  __usePrivacyCheck__: true,
  // 身边服务 asks for the position only when the resident taps 用我现在的位置 (packages/circle); it is not kept.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用来找离您最近的社区服务点，只用这一次，不保存' } },
  // Text-only tab bar: four plain words are easier to read than small icons.
  tabBar: {
    color: '#333333',
    selectedColor: '#b33a0b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: tabPages.map((name) => ({ pagePath: pagePaths[name], text: tabLabels[name] })),
  },
})
