import { z } from 'zod';

/**
 * Every error the API can answer with. The server maps each code to an HTTP status (exhaustively);
 * the miniapp shows `message`. Messages say what happened and what to do, in plain Chinese.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_REQUEST: 'MALFORMED_REQUEST',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  FORBIDDEN: 'FORBIDDEN',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  DEV_LOGIN_DISABLED: 'DEV_LOGIN_DISABLED',
  UNKNOWN_PERSONA: 'UNKNOWN_PERSONA',
  WECHAT_NOT_CONFIGURED: 'WECHAT_NOT_CONFIGURED',
  WECHAT_CODE_INVALID: 'WECHAT_CODE_INVALID',
  WECHAT_CODE_USED: 'WECHAT_CODE_USED',
  WECHAT_RATE_LIMITED: 'WECHAT_RATE_LIMITED',
  WECHAT_RISKY_USER: 'WECHAT_RISKY_USER',
  WECHAT_BUSY: 'WECHAT_BUSY',
  WECHAT_UNAVAILABLE: 'WECHAT_UNAVAILABLE',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  COMMUNITY_NOT_FOUND: 'COMMUNITY_NOT_FOUND',
  HOUSEHOLD_NOT_FOUND: 'HOUSEHOLD_NOT_FOUND',
  CLAIM_NOT_FOUND: 'CLAIM_NOT_FOUND',
  CLAIM_DUPLICATE: 'CLAIM_DUPLICATE',
  ALREADY_RESIDENT: 'ALREADY_RESIDENT',
  CLAIM_ALREADY_DECIDED: 'CLAIM_ALREADY_DECIDED',
  CENSUS_INVALID: 'CENSUS_INVALID',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
export const ErrorCodeSchema = z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]);

export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '填写的内容有误，请按提示修改后再提交',
  MALFORMED_REQUEST: '请求格式不正确，请刷新后重试',
  UNSUPPORTED_MEDIA_TYPE: '请求格式不受支持，请刷新后重试',
  PAYLOAD_TOO_LARGE: '提交的内容太大了，请减少后再试',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '您没有权限进行这项操作',
  OUT_OF_SCOPE: '这不在您负责的范围内，请联系所属社区或街道',
  ROUTE_NOT_FOUND: '找不到您要的页面或功能',
  RATE_LIMITED: '操作太频繁了，请稍等一会儿再试',
  DEV_LOGIN_DISABLED: '体验登录已关闭，请从微信小程序登录',
  UNKNOWN_PERSONA: '没有这个体验身份，请重新选择',
  WECHAT_NOT_CONFIGURED: '微信登录暂未开通，请联系社区工作人员',
  WECHAT_CODE_INVALID: '微信登录凭证无效，请重新打开小程序再试',
  WECHAT_CODE_USED: '微信登录凭证已使用，请重新打开小程序再试',
  WECHAT_RATE_LIMITED: '登录太频繁了，请一分钟后再试',
  WECHAT_RISKY_USER: '微信提示您的账号存在风险，暂时无法登录',
  WECHAT_BUSY: '微信服务繁忙，请稍后再试',
  WECHAT_UNAVAILABLE: '暂时连不上微信服务，请稍后再试',
  USER_NOT_FOUND: '找不到这位用户',
  COMMUNITY_NOT_FOUND: '找不到这个社区，请重新选择',
  HOUSEHOLD_NOT_FOUND: '找不到这个房号，请重新选择',
  CLAIM_NOT_FOUND: '找不到这条住户认证申请',
  CLAIM_DUPLICATE: '您已经申请过这一户，请等待居委会审核',
  ALREADY_RESIDENT: '您已经是这一户的认证居民了',
  CLAIM_ALREADY_DECIDED: '这条申请已经处理过了，请刷新查看结果',
  CENSUS_INVALID: '导入的名单有错误，请按提示修改后重新导入，本次没有导入任何数据',
  DATABASE_UNAVAILABLE: '系统正在维护，请稍后再试',
  INTERNAL: '系统出了点问题，请稍后再试；如果一直这样，请联系社区工作人员',
};

export const FieldErrorSchema = z.object({
  path: z.string().describe('Dotted path of the field, e.g. "body.householdId"'),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  fields: z.array(FieldErrorSchema).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
