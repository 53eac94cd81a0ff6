import { Type } from '@sinclair/typebox';

export const sexSchema = Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Literal('unknown')], { description: '性别 male/female/unknown' });
export const contactSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  relationship: Type.String({ minLength: 1, maxLength: 20 }),
  phone: Type.String({ minLength: 5, maxLength: 20 }),
});
export const patientInputSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50, description: '姓名' }),
  sex: Type.Optional(sexSchema),
  birthDate: Type.Optional(Type.String({ format: 'date', description: '出生日期 YYYY-MM-DD（身份证号可推导）' })),
  idType: Type.Union([Type.Literal('resident_id'), Type.Literal('passport'), Type.Literal('other')], { default: 'resident_id' }),
  idNumber: Type.String({ minLength: 1, maxLength: 30, description: '证件号码（身份证号按 GB 11643 校验）' }),
  mobile: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
  address: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  contacts: Type.Optional(Type.Array(contactSchema, { maxItems: 10 })),
});
export const idParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
