// Domain error codes → HTTP status, in one table (STYLE.md §5.1.5: errors are mapped at the edge).
import type { DomainErrorCode } from '../../shared/domain-error.ts'

export const STATUS_OF_DOMAIN_ERROR: Readonly<Record<DomainErrorCode, number>> = {
  invalid_input: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  // 429 rather than 423: the client should slow down and retry later (login lockout, rate limits).
  locked: 429,
  unavailable: 503,
}

/** Chinese title shown on the error page for each status the platform produces. */
const TITLES: Readonly<Record<number, string>> = {
  400: '请求有误',
  401: '请先登录',
  403: '没有权限',
  404: '页面不存在',
  405: '不支持的请求方式',
  409: '操作冲突',
  413: '提交的内容过大',
  415: '不支持的内容类型',
  422: '提交的内容有误',
  429: '操作过于频繁',
  503: '服务暂不可用',
}

export function titleOfStatus(status: number): string {
  return TITLES[status] ?? (status >= 500 ? '服务器内部错误' : '请求未能完成')
}

/** A message safe to show for errors that carry no user-facing text (never an internal message or stack). */
export function defaultMessageOfStatus(status: number): string {
  if (status === 403) return '您没有执行此操作的权限。如需开通，请联系本机构管理员。'
  if (status === 404) return '您访问的页面不存在或已被移除。'
  if (status >= 500) return '服务器处理请求时出错，请稍后再试。问题持续时请联系平台管理员。'
  return '请求未能完成，请检查后重试。'
}
