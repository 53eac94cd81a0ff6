import type { Messages } from '@kangyun/kernel';

export const IDENTITY_MESSAGES: Messages = {
  'identity.not_a_user': { zh: '该接口仅供登录用户使用', en: 'Only signed-in users can call this' },
  'identity.assignment_not_yours': { zh: '您没有这个机构/科室的任职', en: 'You have no assignment with that id' },
  'identity.username_taken': { zh: '用户名已被使用', en: 'This username is already taken' },
  'identity.mobile_taken': { zh: '手机号已被其他账号使用', en: 'This mobile number is used by another account' },
  'identity.mobile_invalid': { zh: '手机号格式不正确', en: 'Not a valid mobile number' },
  'identity.code_taken': { zh: '编码已被使用', en: 'This code is already in use' },
  'identity.parent_invalid': { zh: '上级机构不正确：{reason}', en: 'Invalid parent: {reason}' },
  'identity.institution_type_required': { zh: '请选择机构类型', en: 'Choose the institution type' },
  'identity.department_mismatch': { zh: '科室不属于所选机构', en: 'The department does not belong to that institution' },
  'identity.admin_exclusive': { zh: '系统管理员、安全管理员、审计管理员三者不能由同一账号兼任（当前已是{held}）', en: 'System, security and audit administrator roles are mutually exclusive (already holds {held})' },
  'identity.outside_institution': { zh: '只能管理本机构的人员和角色', en: 'You can only manage staff and roles of your own institution' },
  'identity.permission_unknown': { zh: '未知权限：{code}', en: 'Unknown permission: {code}' },
  'identity.permission_not_held': { zh: '不能授予自己没有的权限：{code}', en: 'You cannot grant a permission you do not hold: {code}' },
  'identity.permission_mixed_admin': { zh: '一个角色不能同时包含系统、安全、审计三类管理权限中的两类以上', en: 'A role may not combine system, security and audit administration powers' },
  'identity.builtin_role': { zh: '内置角色不能修改或删除', en: 'Built-in roles cannot be changed or deleted' },
  'identity.role_in_use': { zh: '角色仍有人员在使用，不能删除', en: 'The role is still assigned to staff and cannot be deleted' },
  'identity.scope_unknown': { zh: '未知的接口权限范围：{code}', en: 'Unknown scope: {code}' },
  'identity.client_id_taken': { zh: '客户端 ID 已存在', en: 'This client id already exists' },
  'identity.last_assignment': { zh: '至少保留一个任职', en: 'Keep at least one assignment' },
  'identity.cannot_disable_self': { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
};
