export default definePageConfig({
  navigationBarTitleText: '委托服务',
})
