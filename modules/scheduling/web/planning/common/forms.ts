import type { FormInstance } from 'antd';
import { applyFieldErrors } from '@kangyun/web-shell/forms';

/**
 * Puts a problem's field errors next to the fields; shows a message for anything that matched
 * no field (or a problem without field errors, e.g. a 409).
 */
export function showFormError(form: FormInstance, error: unknown, fail: (error: unknown) => void): void {
  const unmatched = applyFieldErrors(form, error);
  const fieldErrors = (error as { errors?: unknown[] }).errors?.length ?? 0;
  if (unmatched.length) fail(new Error(unmatched.join('；')));
  else if (!fieldErrors) fail(error);
}
