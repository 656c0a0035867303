// A service's 400/409 shown where it belongs: each detail's field gets its message; what names no field goes to a toast.
import type { FormInstance } from 'antd';
import { ApiError } from '../api.ts';
import type { Lang } from '../shared/texts.ts';

/**
 * Sets the fields the error's details name (dotted paths as the services write them, mapped by
 * `fieldOf` when the form names them differently) and returns the text for a toast when no field
 * of the form took it.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  lang: Lang,
  fieldOf: (path: string) => (string | number)[] | undefined = (path) =>
    path === '' ? undefined : path.split('.'),
): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  // The form's registered fields (their values may still be empty).
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const fields = error.details.flatMap((d) => {
    const name = fieldOf(d.path);
    if (name === undefined || !known.has(String(name[0]))) return [];
    // A conflict's own message names what is in the way; a validation detail says the rule.
    const text = error.status === 409 ? error.text[lang] : d.message[lang];
    return [{ name, errors: [text] }];
  });
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0 ? undefined : error.text[lang];
}
