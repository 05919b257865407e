import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { PhoneController } from './phone.controller.js';
import { PhoneService } from './phone.service.js';

@Module({
  imports: [UsersModule],
  controllers: [PhoneController],
  providers: [PhoneService],
})
export class PhoneModule {}
