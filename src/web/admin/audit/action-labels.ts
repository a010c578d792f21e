// Chinese names of the audit actions the accounts module records; unknown actions show their code.
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  'agency.create': '新建机构',
  'agency.update': '修改机构',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.change_password': '修改本人密码',
  'user.login': '登录',
  'user.logout': '退出登录',
  'user.login_failed': '登录失败',
  'user.login_locked': '登录锁定',
  'platform.seed_demo': '初始化示例数据',
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action
}
