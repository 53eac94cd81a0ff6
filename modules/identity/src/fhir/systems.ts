/** Code systems and identifier namespaces of the identity FHIR resources. */
export const USERNAME_SYSTEM = 'urn:kangyun:username';
export const ORG_CODE_SYSTEM = 'urn:kangyun:org-code';
export const ROLE_SYSTEM = 'urn:kangyun:role';
export const INSTITUTION_TYPE_SYSTEM = 'urn:kangyun:institution-type';
export const ORG_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/organization-type';
export const GENDER_SYSTEM = 'http://hl7.org/fhir/administrative-gender';

export const INSTITUTION_TYPE_NAMES: Record<string, string> = {
  hospital: '医院',
  community_health_centre: '社区卫生服务中心',
  station: '卫生服务站',
};
