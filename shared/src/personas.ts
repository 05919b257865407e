import type { Persona } from './enums.js';

/**
 * The seeded demo identities: the server seeds them under these names, the H5 login page shows them.
 * Listed in the order the login page offers them.
 */
export const personaProfiles: Record<Persona, { name: string; label: string; description: string }> = {
  resident: { name: '张阿姨', label: '居民', description: '已认证的老居民，住幸福里社区' },
  resident2: { name: '李叔叔', label: '居民', description: '已认证居民，住幸福里社区 2栋' },
  newcomer: { name: '小周', label: '新用户', description: '刚搬来，还没有认证住户' },
  volunteer: { name: '王小芳', label: '志愿者', description: '居民，也是巾帼志愿服务队队员' },
  committee: { name: '赵主任', label: '居委会', description: '幸福里社区居委会，审核住户认证' },
  'street-admin': { name: '孙科长', label: '街道', description: '和平街道管理员，管辖五个社区' },
  'social-worker': { name: '陈社工', label: '社工', description: '启航社会工作服务中心的社工' },
  'org-staff': { name: '刘老师', label: '社会组织', description: '巾帼志愿服务队的工作人员' },
};
