/** OpenAPI tag of every audit route */
export const TAGS = ['审计 Audit'];
