/** OpenAPI tag of every notifications route */
export const TAGS = ['通知 Notifications'];
