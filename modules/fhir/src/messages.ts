import type { Messages } from '@kangyun/kernel';

export const FHIR_MESSAGES: Messages = {
  'fhir.unknown_type': { zh: '本服务器不提供资源类型 {type}', en: 'This server does not serve resource type {type}' },
  'fhir.resource_not_found': { zh: '未找到资源 {type}/{id}', en: 'Resource {type}/{id} was not found' },
  'fhir.version_not_found': { zh: '未找到资源 {type}/{id} 的版本 {version}（只保留当前版本）', en: 'Version {version} of {type}/{id} was not found (only the current version is kept)' },
  'fhir.interaction_not_supported': { zh: '资源类型 {type} 不支持 {interaction} 操作', en: 'Resource type {type} does not support the {interaction} interaction' },
  'fhir.no_route': { zh: '没有这个 FHIR 接口：{method} {path}', en: 'No such FHIR endpoint: {method} {path}' },
  'fhir.resource_type_mismatch': {
    zh: '请求体的 resourceType（{actual}）与地址中的资源类型（{expected}）不一致',
    en: 'The body\'s resourceType ({actual}) does not match the resource type in the URL ({expected})',
  },
  'fhir.id_mismatch': { zh: '请求体的 id（{actual}）必须与地址中的 id（{expected}）一致', en: 'The body\'s id ({actual}) must equal the id in the URL ({expected})' },
  'fhir.invalid_paging': { zh: '{name} 必须是非负整数，收到：{value}', en: '{name} must be a non-negative integer, got: {value}' },
  'fhir.unknown_search_param': { zh: '{type} 不支持查询参数：{params}', en: '{type} does not support the search parameters: {params}' },
  'fhir.unknown_operation': { zh: '资源类型 {type} 没有操作 ${operation}', en: 'Resource type {type} has no operation ${operation}' },
  'fhir.operation_needs_post': { zh: '操作 {type}/${operation} 会修改数据，只能用 POST 调用', en: 'The operation {type}/${operation} changes data and must be invoked with POST' },
  'fhir.operation_body': { zh: '操作的请求体必须是 FHIR 资源（通常是 Parameters）', en: 'The body of an operation must be a FHIR resource (usually Parameters)' },
};
