export default definePageConfig({
  navigationBarTitleText: '查验回执',
})
