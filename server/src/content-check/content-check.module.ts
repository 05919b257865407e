import { Module } from '@nestjs/common';
import { AuthorsRepository } from './authors.repository.js';
import { ContentCheckService } from './content-check.service.js';

@Module({
  providers: [ContentCheckService, AuthorsRepository],
  exports: [ContentCheckService],
})
export class ContentCheckModule {}
