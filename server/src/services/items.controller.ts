import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { BeneficiariesService } from './beneficiaries.service.js';
import { ItemsService } from './items.service.js';
import { ProgressService } from './progress.service.js';

@Controller()
export class ItemsController {
  constructor(
    private readonly items: ItemsService,
    private readonly beneficiaries: BeneficiariesService,
    private readonly progress: ProgressService,
  ) {}

  @Endpoint(routes.createServiceItem)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createServiceItem>) {
    return this.items.create(auth, body);
  }

  @Endpoint(routes.listServiceItems)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listServiceItems>) {
    return this.items.list(auth, query);
  }

  @Endpoint(routes.listServiceWorkers)
  workers(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.listServiceWorkers>) {
    return this.items.workersFor(auth, params.id);
  }

  @Endpoint(routes.getServiceItem)
  get(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.getServiceItem>) {
    return this.items.get(auth, params.id);
  }

  @Endpoint(routes.updateServiceItem)
  update(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.updateServiceItem>) {
    return this.items.update(auth, params.id, body);
  }

  @Endpoint(routes.deleteServiceItem)
  remove(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.deleteServiceItem>) {
    return this.items.remove(auth, params.id);
  }

  @Endpoint(routes.serviceItemProgress)
  itemProgress(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.serviceItemProgress>) {
    return this.progress.item(auth, params.id);
  }

  @Endpoint(routes.listBeneficiaries)
  register(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.listBeneficiaries>) {
    return this.beneficiaries.list(auth, params.id);
  }

  @Endpoint(routes.createBeneficiary)
  addBeneficiary(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.createBeneficiary>) {
    return this.beneficiaries.create(auth, params.id, body);
  }

  @Endpoint(routes.updateBeneficiary)
  editBeneficiary(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.updateBeneficiary>) {
    return this.beneficiaries.update(auth, params.id, params.beneficiaryId, body);
  }

  @Endpoint(routes.deleteBeneficiary)
  removeBeneficiary(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.deleteBeneficiary>) {
    return this.beneficiaries.remove(auth, params.id, params.beneficiaryId);
  }
}
