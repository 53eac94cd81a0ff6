import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
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

/** an ISO from/to pair (either may be missing) as the value of an antd RangePicker */
export function rangePickerValue(from?: string, to?: string): [Dayjs | null, Dayjs | null] | null {
  return from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;
}

/** RangePicker presets: today, the last 7 days and the last 30 days (whole days, ending today) */
export function recentDayPresets(labels: { today: string; lastDays: (n: number) => string }): { label: string; value: [Dayjs, Dayjs] }[] {
  const end = dayjs().endOf('day');
  return [
    { label: labels.today, value: [dayjs().startOf('day'), end] },
    { label: labels.lastDays(7), value: [dayjs().subtract(6, 'day').startOf('day'), end] },
    { label: labels.lastDays(30), value: [dayjs().subtract(29, 'day').startOf('day'), end] },
  ];
}
