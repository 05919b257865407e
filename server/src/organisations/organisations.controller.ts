import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { ApplicationsService } from './applications.service.js';
import { OrganisationsService } from './organisations.service.js';

@Controller()
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly applications: ApplicationsService,
  ) {}

  @Endpoint(routes.organisationRegistry)
  registry(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.organisationRegistry>) {
    return this.organisations.list(auth, query);
  }

  @Endpoint(routes.getOrganisation)
  get(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.getOrganisation>) {
    return this.organisations.get(auth, params.id);
  }

  @Endpoint(routes.createOrganisation)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createOrganisation>) {
    return this.organisations.create(auth, body);
  }

  @Endpoint(routes.updateOrganisation)
  update(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.updateOrganisation>) {
    return this.organisations.update(auth, params.id, body);
  }

  @Endpoint(routes.createOrganisationApplication)
  apply(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createOrganisationApplication>) {
    return this.applications.apply(auth, body);
  }

  @Endpoint(routes.myOrganisationApplications)
  mine(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.myOrganisationApplications>) {
    return this.applications.mine(auth, query);
  }

  @Endpoint(routes.listOrganisationApplications)
  applicationsToReview(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listOrganisationApplications>) {
    return this.applications.list(auth, query);
  }

  @Endpoint(routes.approveOrganisationApplication)
  approve(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.approveOrganisationApplication>) {
    return this.applications.approve(auth, params.id);
  }

  @Endpoint(routes.rejectOrganisationApplication)
  reject(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.rejectOrganisationApplication>) {
    return this.applications.reject(auth, params.id, body.reason);
  }
}
