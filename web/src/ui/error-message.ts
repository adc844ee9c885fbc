import type { Translate } from '../i18n/i18n-context';
import { isApiError } from './api';

/**
 * The localised text for an error: the catalogue's `error.<CODE>` (or `<prefix>.<CODE>` first),
 * falling back to the server's message. The server's message is shown, never parsed.
 */
export function errorMessage(error: unknown, t: Translate, has: (key: string) => boolean, prefix?: string): string {
  if (isApiError(error)) {
    if (prefix && has(`${prefix}.${error.code}`)) return t(`${prefix}.${error.code}`);
    if (has(`error.${error.code}`)) return t(`error.${error.code}`);
    return error.message || t('error.UNKNOWN');
  }
  if (error instanceof Error && error.message) return error.message;
  return t('error.UNKNOWN');
}
