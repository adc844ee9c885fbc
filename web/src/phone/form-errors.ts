import { isApiError } from '../ui/api';

/** Field name → message, for a form in the phone shell. */
export type FieldMessages = Record<string, string>;

/** `body.photoFileIds.0` → `photoFileIds.0`: server paths may name the request part; the form only knows the field. */
function fieldPath(path: string): string[] {
  const segments = path.split(/[.[\]/]+/).filter((segment) => segment !== '');
  if (segments.length > 1 && ['body', 'querystring', 'query'].includes(segments[0])) segments.shift();
  return segments;
}

/**
 * Puts a VALIDATION error's details on the form's fields: a detail goes to the field it names exactly, or else to
 * the field its first segment names (`photoFileIds.0` → `photoFileIds`). Returns null when no field got a
 * message, so the caller shows the error another way (a toast or an inline notice).
 */
export function serverFieldErrors(error: unknown, fields: readonly string[]): FieldMessages | null {
  if (!isApiError(error) || error.code !== 'VALIDATION') return null;
  const known = new Set(fields);
  const result: FieldMessages = {};
  for (const detail of error.fieldErrors) {
    const segments = fieldPath(detail.path);
    const joined = segments.join('.');
    const name = known.has(joined) ? joined : known.has(segments[0] ?? '') ? segments[0] : undefined;
    if (!name) continue;
    result[name] = result[name] ? `${result[name]}；${detail.message}` : detail.message;
  }
  return Object.keys(result).length > 0 ? result : null;
}

/** The fields among `required` whose value is empty (blank text, no choice). */
export function missingFields<T extends object>(values: T, required: ReadonlyArray<keyof T & string>): Array<keyof T & string> {
  return required.filter((name) => {
    const value = values[name] as unknown;
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  });
}
