export default definePageConfig({
  navigationBarTitleText: '接手代办账号',
})
