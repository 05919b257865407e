import { Injectable } from '@nestjs/common';
import type { Community as CommunityDto, Household as HouseholdDto, HouseholdRef, Organisation as OrganisationDto, Page } from '@linli/shared';
import { AppError } from '../common/app-error.js';
import { CommunitiesRepository, type HouseholdFilter } from './communities.repository.js';
import type { Community } from './community.entity.js';
import type { Household } from './household.entity.js';
import type { Street } from './street.entity.js';

export function toHouseholdDto(h: Household): HouseholdDto {
  return { id: h.id, communityId: h.communityId, building: h.building, unit: h.unit, room: h.room };
}

export function toHouseholdRef(h: Household & { community: { name: string } }): HouseholdRef {
  return { ...toHouseholdDto(h), communityName: h.community.name };
}

export function toCommunityDto(c: Community & { street: Street }, householdCount: number): CommunityDto {
  return {
    id: c.id,
    name: c.name,
    address: c.address,
    street: { id: c.street.id, name: c.street.name },
    householdCount,
    archived: c.archivedAt !== null,
  };
}

@Injectable()
export class CommunitiesService {
  constructor(private readonly communities: CommunitiesRepository) {}

  async list(includeArchived = false): Promise<CommunityDto[]> {
    const [communities, counts] = await Promise.all([
      this.communities.listWithStreets(includeArchived),
      this.communities.householdCounts(),
    ]);
    return communities.map((c) => toCommunityDto(c, counts.get(c.id) ?? 0));
  }

  async households(communityId: number, filter: HouseholdFilter): Promise<Page<HouseholdDto>> {
    await this.assertExists(communityId);
    const [rows, total] = await this.communities.households(communityId, filter);
    return { items: rows.map(toHouseholdDto), total, page: filter.page, pageSize: filter.pageSize };
  }

  /** The picker's levels: a community's buildings, or (given one) that building's units. */
  async householdLevel(communityId: number, building?: string): Promise<string[]> {
    await this.assertExists(communityId);
    return this.communities.householdLevel(communityId, building);
  }

  private async assertExists(communityId: number): Promise<void> {
    if (!(await this.communities.findById(communityId))) throw new AppError('COMMUNITY_NOT_FOUND');
  }

  async organisations(): Promise<OrganisationDto[]> {
    return (await this.communities.organisations()).map(({ organisation, communityIds }) => ({
      id: organisation.id,
      name: organisation.name,
      type: organisation.type,
      communityIds,
    }));
  }
}
