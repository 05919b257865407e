export default definePageConfig({
  navigationBarTitleText: '审核备案申请',
})
