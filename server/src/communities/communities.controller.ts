import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { CommunitiesService } from './communities.service.js';

@Controller()
export class CommunitiesController {
  constructor(private readonly communities: CommunitiesService) {}

  @Endpoint(routes.communities)
  async list(@Input() { query }: RouteInput<typeof routes.communities>) {
    return { items: await this.communities.list(query.includeArchived ?? false) };
  }

  @Endpoint(routes.households)
  households(@Input() { params, query }: RouteInput<typeof routes.households>) {
    return this.communities.households(params.id, query);
  }

  @Endpoint(routes.householdBuildings)
  async buildings(@Input() { params }: RouteInput<typeof routes.householdBuildings>) {
    return { items: await this.communities.householdLevel(params.id) };
  }

  @Endpoint(routes.householdUnits)
  async units(@Input() { params, query }: RouteInput<typeof routes.householdUnits>) {
    return { items: await this.communities.householdLevel(params.id, query.building) };
  }

  @Endpoint(routes.organisations)
  async organisations() {
    return { items: await this.communities.organisations() };
  }
}
