import { Alert, App } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, type CSSProperties } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { isApiError } from './api';
import { errorMessage } from './error-message';

/** An inline error box for a failed query or action; renders nothing without an error. */
export function ErrorAlert({ error, prefix, style }: { error: unknown; prefix?: string; style?: CSSProperties }) {
  const { t, has } = useI18n();
  if (!error) return null;
  const fieldErrors = isApiError(error) ? error.fieldErrors : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={style}
      title={errorMessage(error, t, has, prefix)}
      description={
        fieldErrors.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {fieldErrors.map((field) => (
              <li key={`${field.path}:${field.message}`}>
                {field.path ? `${field.path}: ` : ''}
                {field.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

type Notify = (error: unknown, prefix?: string) => void;
let notify: Notify | null = null;

/** Shows an error as a toast in the current language. Needs <ErrorToastBridge/> mounted (the app shell does). */
export function showError(error: unknown, prefix?: string): void {
  if (notify) notify(error, prefix);
  else console.error(error);
}

/** Connects showError() to antd's themed message API and the current catalogue. */
export function ErrorToastBridge() {
  const { message } = App.useApp();
  const { t, has } = useI18n();
  useEffect(() => {
    notify = (error, prefix) => {
      void message.error(errorMessage(error, t, has, prefix));
    };
    return () => {
      notify = null;
    };
  }, [message, t, has]);
  return null;
}

type NamePath = Array<string | number>;

function toNamePath(path: string): NamePath {
  const segments: NamePath = path
    .split(/[.[\]/]+/)
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  // Server paths may name the request part ("body.name"); the form only knows the field.
  if (segments.length > 1 && (segments[0] === 'body' || segments[0] === 'querystring' || segments[0] === 'query')) {
    segments.shift();
  }
  return segments;
}

/**
 * Puts a VALIDATION error's details on the matching form fields. Returns true when at least one
 * field got a message; otherwise the caller should show the error another way (showError).
 */
export function applyServerErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.code !== 'VALIDATION') return false;
  const registered = new Set(form.getFieldsError().map((field) => JSON.stringify(field.name)));
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const detail of error.fieldErrors) {
    const name = toNamePath(detail.path);
    const id = JSON.stringify(name);
    if (!registered.has(id)) continue;
    const entry = byField.get(id) ?? { name, errors: [] };
    entry.errors.push(detail.message);
    byField.set(id, entry);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()]);
  return true;
}

/** The usual catch block of a form submit: field errors on the fields, everything else as a toast. */
export function handleFormError(form: FormInstance, error: unknown, prefix?: string): void {
  if (!applyServerErrors(form, error)) showError(error, prefix);
}
