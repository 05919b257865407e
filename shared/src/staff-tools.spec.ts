import type { Role } from './enums.js';
import { staffToolsFor } from './staff-tools.js';

const labelsFor = (...roles: Role[]) => staffToolsFor(roles.map((role) => ({ role }))).map((t) => t.label);

describe('staffToolsFor', () => {
  it('gives committee staff and street admins every tool', () => {
    const all = ['活动', '议事', '文章', '居民认证', '代办', '组织', '备案申请', '人员', '社区管理', '审计日志', '统计', '微信消息', '内容审核', '委托服务', '服务点', '居民求助', '微心愿'];
    expect(labelsFor('committee_staff')).toEqual(all);
    expect(labelsFor('street_admin')).toEqual(all);
  });

  it('gives a social worker and organisation staff only what their organisation does (no 居民认证, which answers 403)', () => {
    for (const role of ['social_worker', 'org_staff'] as const) {
      expect(labelsFor(role)).toEqual(['活动', '文章', '组织', '委托服务']);
      expect(labelsFor(role)).not.toContain('居民认证');
    }
  });

  it('gives a volunteer team leader 人员 (inviting to their team) and nothing else', () => {
    expect(labelsFor('team_leader')).toEqual(['人员']);
  });

  it('gives residents and volunteers no tools, so they see no 工作台', () => {
    expect(labelsFor()).toEqual([]);
    expect(labelsFor('volunteer')).toEqual([]);
  });

  it('adds up several grants without repeating a tool, in the one display order', () => {
    expect(labelsFor('team_leader', 'social_worker')).toEqual(['活动', '文章', '组织', '人员', '委托服务']);
    expect(labelsFor('org_staff', 'committee_staff')).toEqual(labelsFor('committee_staff'));
  });
});
