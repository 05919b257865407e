export default definePageConfig({
  navigationBarTitleText: '找社区帮忙',
})
