export default definePageConfig({
  navigationBarTitleText: '社区文章',
  enablePullDownRefresh: true,
})
