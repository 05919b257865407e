import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { GrantsCache } from './grants-cache.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  exports: [GrantsCache],
  providers: [AuthService, TokenService, GrantsCache, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
