import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AppError } from '../common/app-error.js';
import type { ServiceContract } from './service-contract.entity.js';
import type { ServiceItem } from './service-item.entity.js';
import { ContractsRepository } from './contracts.repository.js';

/** What the caller holds that matters for delegated services. */
export interface ServiceScope {
  userId: number;
  /** Communities whose committee (or street) the caller is. */
  communities: Set<number>;
  /** Streets the caller administers. */
  streets: Set<number>;
  /** Organisations (not suspended) whose staff or social worker the caller is. */
  organisations: Set<number>;
}

/**
 * Scope decisions for delegated services, on top of AccessService: the buyer (committee of the community, or the
 * street admin) manages a contract, its items and registers; the provider's staff read them and its workers on an
 * item log services and read that item's register; the evaluator's staff read, export and evaluate.
 */
@Injectable()
export class ServiceAccess {
  constructor(
    private readonly access: AccessService,
    private readonly contracts: ContractsRepository,
  ) {}

  async scope(auth: AuthContext): Promise<ServiceScope> {
    const orgIds = auth.grants
      .filter((g) => (g.role === 'org_staff' || g.role === 'social_worker') && g.organisationId !== null)
      .map((g) => g.organisationId!);
    const [communities, organisations] = await Promise.all([
      this.access.residentAdminCommunities(auth),
      this.contracts.activeOrganisations(orgIds),
    ]);
    return { userId: auth.userId, communities, streets: this.access.adminStreets(auth), organisations: new Set(organisations) };
  }

  manages(scope: ServiceScope, contract: ServiceContract): boolean {
    return contract.communityId !== null ? scope.communities.has(contract.communityId) : scope.streets.has(contract.streetId);
  }

  evaluates(scope: ServiceScope, contract: ServiceContract): boolean {
    return contract.evaluatorId !== null && scope.organisations.has(contract.evaluatorId);
  }

  /** Buyer, the committee of a community one of its items serves, provider or evaluator. */
  reads(scope: ServiceScope, contract: ServiceContract, itemCommunities: number[] = []): boolean {
    return (
      this.manages(scope, contract) ||
      itemCommunities.some((c) => scope.communities.has(c)) ||
      scope.organisations.has(contract.providerId) ||
      this.evaluates(scope, contract)
    );
  }

  assertManages(scope: ServiceScope, contract: ServiceContract): void {
    if (!this.manages(scope, contract)) throw new AppError('OUT_OF_SCOPE');
  }

  /** The register of an item: the buyer, the committee of its community, and its assigned workers of the provider. */
  readsRegister(scope: ServiceScope, contract: ServiceContract, item: ServiceItem, assigned: boolean): boolean {
    return this.manages(scope, contract) || scope.communities.has(item.communityId) || this.works(scope, contract, assigned);
  }

  /** Who keeps (writes) an item's register: the buyer and the committee of the item's community. */
  keepsRegister(scope: ServiceScope, contract: ServiceContract, item: ServiceItem): boolean {
    return this.manages(scope, contract) || scope.communities.has(item.communityId);
  }

  /** An assigned worker who still works for the (not suspended) provider. */
  works(scope: ServiceScope, contract: ServiceContract, assigned: boolean): boolean {
    return assigned && scope.organisations.has(contract.providerId);
  }
}
