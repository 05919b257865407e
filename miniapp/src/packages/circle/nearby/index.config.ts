export default definePageConfig({
  navigationBarTitleText: '身边服务',
  enablePullDownRefresh: true,
})
