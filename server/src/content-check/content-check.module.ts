import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { ContentCheckService } from './content-check.service.js';

@Module({
  imports: [UsersModule],
  providers: [ContentCheckService],
  exports: [ContentCheckService],
})
export class ContentCheckModule {}
