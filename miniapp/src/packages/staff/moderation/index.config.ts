export default definePageConfig({
  navigationBarTitleText: '待审核的留言',
  enablePullDownRefresh: true,
})
