import { Injectable } from '@nestjs/common';
import { ROLE_SCOPE, isStaff, type Me, type RoleGrant as RoleGrantDto, type UpdateMe } from '@linli/shared';
import { AppError } from '../common/app-error.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';
import { ContentCheckService } from '../content-check/content-check.service.js';
import { toClaimDto, toResidencyDto } from '../residency/residency.mapper.js';
import { ResidencyRepository } from '../residency/residency.repository.js';
import { maskPhone } from './mask-phone.js';
import { UsersRepository } from './users.repository.js';

const notNull = <T>(v: T | null): v is T => v !== null;

@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly residency: ResidencyRepository,
    private readonly communities: CommunitiesRepository,
    private readonly contentCheck: ContentCheckService,
  ) {}

  /**
   * A new nickname, checked like every text a user writes: risky is refused (CONTENT_RISKY); one to review is
   * held for the staff of the resident's communities, and the current one shows until they approve it.
   */
  async update(userId: number, input: UpdateMe): Promise<Me> {
    const verdict = await this.contentCheck.screen(userId, [{ path: 'body.nickname', text: input.nickname, scene: 'profile' }]);
    if (verdict === 'pass') await this.users.setNickname(userId, input.nickname);
    else await this.users.holdNickname(userId, input.nickname);
    return this.me(userId);
  }

  async me(userId: number): Promise<Me> {
    const [user, grants, residencies, claims] = await Promise.all([
      this.users.findById(userId),
      this.users.grantsOf(userId),
      this.residency.residenciesOf(userId),
      this.residency.claimsOfUser(userId),
    ]);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const names = await this.communities.scopeNames({
      streetIds: grants.map((g) => g.streetId).filter(notNull),
      communityIds: grants.map((g) => g.communityId).filter(notNull),
      organisationIds: grants.map((g) => g.organisationId).filter(notNull),
    });
    const grantDtos: RoleGrantDto[] = grants.map((g) => {
      const kind = ROLE_SCOPE[g.role];
      const id = kind === 'street' ? g.streetId : kind === 'community' ? g.communityId : kind === 'organisation' ? g.organisationId : null;
      const name = id === null || kind === 'none' ? null : (names[kind].get(id) ?? null);
      return { id: g.id, role: g.role, scope: { kind, id, name } };
    });
    return {
      id: user.id,
      nickname: user.nickname,
      pendingNickname: user.pendingNickname,
      avatarUrl: user.avatarUrl,
      birthYear: user.birthYear,
      verified: residencies.length > 0,
      isStaff: isStaff(grants),
      grants: grantDtos,
      residencies: residencies.map(toResidencyDto),
      claims: claims.map(toClaimDto),
      phone: maskPhone(user.phone),
    };
  }
}
