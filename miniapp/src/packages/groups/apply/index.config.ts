export default definePageConfig({
  navigationBarTitleText: '社区组织备案',
})
