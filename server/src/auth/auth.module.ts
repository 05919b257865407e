import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module.js';
import { DeskLoginService } from '../desk/desk-login.service.js';
import { DeskSessionCheck } from '../desk/desk-session-check.js';
import { DeskSessionsService } from '../desk/desk-sessions.service.js';
import { DeskController } from '../desk/desk.controller.js';
import { DeskRepository } from '../desk/desk.repository.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { GrantsCache } from './grants-cache.js';
import { TokenService } from './token.service.js';

@Module({
  // Desk login lives here: the guard checks desk sessions on every request.
  imports: [UsersModule, AuditModule],
  controllers: [AuthController, DeskController],
  exports: [GrantsCache, TokenService],
  providers: [
    AuthService,
    TokenService,
    GrantsCache,
    DeskRepository,
    DeskSessionCheck,
    DeskLoginService,
    DeskSessionsService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
