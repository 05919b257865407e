import { Controller, Res } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import type { FastifyReply } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { sendFile } from '../common/send-file.js';
import { ContractsService } from './contracts.service.js';
import { EvaluationsService } from './evaluations.service.js';
import { ExportService } from './export.service.js';
import { ProgressService } from './progress.service.js';

@Controller()
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly progress: ProgressService,
    private readonly exports: ExportService,
    private readonly evaluations: EvaluationsService,
  ) {}

  @Endpoint(routes.createServiceContract)
  create(@CurrentUser() auth: AuthContext, @Input() { body }: RouteInput<typeof routes.createServiceContract>) {
    return this.contracts.create(auth, body);
  }

  @Endpoint(routes.listServiceContracts)
  list(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.listServiceContracts>) {
    return this.contracts.list(auth, query);
  }

  @Endpoint(routes.getServiceContract)
  get(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.getServiceContract>) {
    return this.contracts.get(auth, params.id);
  }

  @Endpoint(routes.updateServiceContract)
  update(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.updateServiceContract>) {
    return this.contracts.update(auth, params.id, body);
  }

  @Endpoint(routes.deleteServiceContract)
  remove(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.deleteServiceContract>) {
    return this.contracts.remove(auth, params.id);
  }

  @Endpoint(routes.serviceContractProgress)
  contractProgress(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.serviceContractProgress>) {
    return this.progress.contract(auth, params.id);
  }

  @Endpoint(routes.streetServiceSummary)
  street(@CurrentUser() auth: AuthContext, @Input() { query }: RouteInput<typeof routes.streetServiceSummary>) {
    return this.progress.street(auth, query.streetId);
  }

  @Endpoint(routes.exportServiceContract)
  async export(
    @CurrentUser() auth: AuthContext,
    @Input() { params }: RouteInput<typeof routes.exportServiceContract>,
    @Res({ passthrough: false }) reply: FastifyReply,
  ) {
    await sendFile(reply, await this.exports.workbook(auth, params.id), `service-contract-${params.id}.xlsx`);
  }

  @Endpoint(routes.createServiceEvaluation)
  evaluate(@CurrentUser() auth: AuthContext, @Input() { params, body }: RouteInput<typeof routes.createServiceEvaluation>) {
    return this.evaluations.create(auth, params.id, body);
  }

  @Endpoint(routes.listServiceEvaluations)
  evaluationsOf(@CurrentUser() auth: AuthContext, @Input() { params }: RouteInput<typeof routes.listServiceEvaluations>) {
    return this.evaluations.list(auth, params.id);
  }
}
