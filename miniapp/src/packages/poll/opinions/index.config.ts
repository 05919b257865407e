export default definePageConfig({
  navigationBarTitleText: '居民意见',
  enablePullDownRefresh: true,
})
