export default definePageConfig({
  navigationBarTitleText: '居民求助',
  enablePullDownRefresh: true,
})
