export default definePageConfig({
  navigationBarTitleText: '审核住户认证',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
})
