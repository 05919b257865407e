export default definePageConfig({
  navigationBarTitleText: '已登录的电脑',
})
