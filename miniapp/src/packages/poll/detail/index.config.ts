export default definePageConfig({
  navigationBarTitleText: '议事投票',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
