export default definePageConfig({
  navigationBarTitleText: '没发出的微信提醒',
  enablePullDownRefresh: true,
})
