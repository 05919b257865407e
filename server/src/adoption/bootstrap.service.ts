import { Injectable } from '@nestjs/common';
import type { CreatedInvite } from '@linli/shared';
import { AuditRepository } from '../audit/audit.repository.js';
import { AdoptionRepository } from './adoption.repository.js';
import { InvitesService } from './invites.service.js';

export type BootstrapOutcome =
  | { kind: 'invited'; streetCreated: boolean; invite: CreatedInvite; png: Buffer | null }
  | { kind: 'has_admin'; admins: number };

/** First run: the street, and a one-time invite for its first street admin. Nothing else is created. */
@Injectable()
export class BootstrapService {
  constructor(
    private readonly adoption: AdoptionRepository,
    private readonly invites: InvitesService,
    private readonly audit: AuditRepository,
  ) {}

  async bootstrap(streetName: string, options: { force: boolean; days?: number }): Promise<BootstrapOutcome> {
    const { street, created } = await this.adoption.ensureStreet(streetName);
    if (created) {
      await this.audit.append({ actorId: null, action: 'street.create', streetId: street.id, communityId: null, targetType: 'street', targetId: street.id, detail: { name: streetName } });
    }
    const admins = await this.adoption.streetAdminCount(street.id);
    if (admins > 0 && !options.force) return { kind: 'has_admin', admins };
    const target = (await this.adoption.scopeTarget('street', street.id))!;
    const invite = await this.invites.issue(target, 'street_admin', null, options.days ?? 7);
    const { dto, png } = await this.invites.withCode(invite, target, null);
    return { kind: 'invited', streetCreated: created, invite: dto, png };
  }
}
