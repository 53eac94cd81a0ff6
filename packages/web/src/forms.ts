import type { FormInstance } from 'antd';
import { isApiError } from './api';

/** `contacts[0].phone` or `contacts.0.phone` → ['contacts', 0, 'phone']. */
export function toNamePath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\//, '')
    .split(/[./]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts a problem's `errors[]` next to the matching form fields.
 * Returns the messages that matched no field, so the caller can show them elsewhere.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): string[] {
  if (!isApiError(error) || !error.errors?.length) return [];
  // Collect the name paths of every registered Form.Item (the filter sees each field's meta).
  const known = new Set<string>();
  form.getFieldsValue(true, (meta) => {
    if (meta) known.add(JSON.stringify(meta.name));
    return false;
  });
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: string[] = [];
  for (const item of error.errors) {
    const name = toNamePath(item.field);
    const key = JSON.stringify(name);
    if (!name.length || !known.has(key)) {
      unmatched.push(item.message);
      continue;
    }
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(item.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = byField.values().next().value;
  if (first) form.scrollToField(first.name, { block: 'center', focus: true });
  return unmatched;
}
