import { Controller } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { ResidencyService } from './residency.service.js';

@Controller()
export class ResidencyController {
  constructor(private readonly residency: ResidencyService) {}

  @Endpoint(routes.createResidencyClaim)
  claim(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createResidencyClaim>) {
    return this.residency.claim(auth, body);
  }

  @Endpoint(routes.listResidencyClaims)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listResidencyClaims>) {
    return this.residency.list(auth, query);
  }

  @Endpoint(routes.approveResidencyClaim)
  approve(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.approveResidencyClaim>) {
    return this.residency.approve(auth, params.id);
  }

  @Endpoint(routes.rejectResidencyClaim)
  reject(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.rejectResidencyClaim>) {
    return this.residency.reject(auth, params.id, body.reason);
  }

  @Endpoint(routes.importCensus)
  importCensus(@CurrentUser() auth: AuthContext, @Input() { params, query, body }: RouteInput<typeof routes.importCensus>) {
    return this.residency.importCensus(auth, params.id, body.csv, query.dryRun);
  }
}
