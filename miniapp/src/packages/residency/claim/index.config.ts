export default definePageConfig({
  navigationBarTitleText: '认证我的住户',
})
