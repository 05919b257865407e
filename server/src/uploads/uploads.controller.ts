import { Controller, Req } from '@nestjs/common';
import { routes } from '@linli/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/endpoint.decorator.js';
import { readUploadedFile } from './uploaded-file.js';
import { UploadsService } from './uploads.service.js';

@Controller()
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Endpoint(routes.uploadImage)
  async upload(@CurrentUser() auth: AuthContext, @Req() request: FastifyRequest) {
    const file = await readUploadedFile(request, routes.uploadImage);
    return this.uploads.upload(auth, file);
  }
}
