import { randomBytes } from 'node:crypto';

/** WeChat's errmsg for each errcode the fake produces (real answers append ", rid: ..."). */
const errmsgs: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40129: 'invalid scene',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'high risk user',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  41030: 'invalid page',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
  61010: 'user access expired',
};

export interface WechatErrorBody {
  errcode: number;
  errmsg: string;
}

export function wechatError(errcode: number): WechatErrorBody {
  return { errcode, errmsg: `${errmsgs[errcode] ?? 'error'}, rid: ${randomBytes(4).toString('hex')}` };
}
