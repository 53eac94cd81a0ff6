import type { FieldError } from '@kangyun/kernel';
import { TEMPLATE_KEYS } from '../constants.js';

/** the placeholder syntax of the voice module: {key} or {key|cardinal|digits|auto} */
const PLACEHOLDER = /\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*(auto|cardinal|digits)\s*)?\}/g;

/** what is wrong with an announcement template, if anything (unknown keys, stray braces) */
export function templateErrors(field: string, template: string): FieldError[] {
  const unknown = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((k) => !(TEMPLATE_KEYS as readonly string[]).includes(k));
  if (unknown.length) return [{ field, code: 'placeholder', messageKey: 'queue.template_placeholder', params: { name: unknown[0], keys: TEMPLATE_KEYS.map((k) => `{${k}}`).join(' ') } }];
  if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) return [{ field, code: 'syntax', messageKey: 'queue.template_syntax' }];
  return [];
}
