import type { Persona } from '@linli/shared'

/**
 * The seeded demo identities shown on the H5 login page. Names follow the server's demo seed
 * (server/src/database/seed/demo-data.ts); `label` is what a tester looks for on the button.
 */
export const personaCards: readonly { persona: Persona; label: string; name: string; description: string }[] = [
  { persona: 'resident', label: '居民', name: '张阿姨', description: '已认证的老居民，住幸福里社区' },
  { persona: 'resident2', label: '居民', name: '李叔叔', description: '已认证居民，住幸福里社区 2栋' },
  { persona: 'newcomer', label: '新用户', name: '小周', description: '刚搬来，还没有认证住户' },
  { persona: 'volunteer', label: '志愿者', name: '王小芳', description: '居民，也是巾帼志愿服务队队员' },
  { persona: 'committee', label: '居委会', name: '赵主任', description: '幸福里社区居委会，审核住户认证' },
  { persona: 'street-admin', label: '街道', name: '孙科长', description: '和平街道管理员，管辖五个社区' },
  { persona: 'social-worker', label: '社工', name: '陈社工', description: '启航社会工作服务中心的社工' },
  { persona: 'org-staff', label: '社会组织', name: '刘老师', description: '巾帼志愿服务队的工作人员' },
]
