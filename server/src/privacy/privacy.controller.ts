import { Controller } from '@nestjs/common';
import { routes } from '@linli/shared';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { PrivacyService } from './privacy.service.js';

@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Endpoint(routes.myDataExport)
  exportMyData(@CurrentUser() auth: AuthContext) {
    return this.privacy.exportFor(auth.userId);
  }

  @Endpoint(routes.deleteMyAccount)
  deleteMyAccount(@CurrentUser() auth: AuthContext) {
    return this.privacy.deleteAccount(auth.userId);
  }
}
