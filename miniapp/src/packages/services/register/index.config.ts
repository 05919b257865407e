export default definePageConfig({
  navigationBarTitleText: '服务对象名册',
})
