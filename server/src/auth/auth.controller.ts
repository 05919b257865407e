import { Controller, Ip } from '@nestjs/common';
import { routes, type RouteInput } from '@linli/shared';
import { Endpoint } from '../common/endpoint.decorator.js';
import { Input } from '../common/input.decorator.js';
import { AuthService } from './auth.service.js';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Endpoint(routes.wechatLogin)
  wechat(@Input() { body }: RouteInput<typeof routes.wechatLogin>, @Ip() ip: string) {
    return this.auth.wechatLogin(body.code, ip);
  }

  @Endpoint(routes.devLogin)
  dev(@Input() { body }: RouteInput<typeof routes.devLogin>, @Ip() ip: string) {
    return this.auth.devLogin(body, ip);
  }
}
