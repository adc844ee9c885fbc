/** The one way the web app talks to the server: JSON over fetch with the session cookie. */

export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'PAYLOAD_TOO_LARGE'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'NETWORK'
  | 'UNKNOWN';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The VALIDATION details in their documented shape; anything else is dropped. */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    const result: FieldError[] = [];
    for (const entry of this.details as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { path, message } = entry as { path?: unknown; message?: unknown };
      const joined = Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : '';
      if (typeof message === 'string') result.push({ path: joined, message });
    }
    return result;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
  /** Whether a 401 sends the browser to /login (default true; the login and session probes turn it off). */
  redirectOn401?: boolean;
}

/** `?a=1&b=x` from the non-empty values, or '' when there are none. */
export function toQueryString(query?: QueryParams): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function redirectToLogin(): void {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  const next = encodeURIComponent(pathname + search);
  window.location.assign(`/login?next=${next}`);
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (typeof body === 'object' && body !== null && 'code' in body) {
    const { code, message, details } = body as { code: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      response.status,
      String(code),
      typeof message === 'string' ? message : response.statusText,
      details,
    );
  }
  const fallbackCode: ErrorCode = response.status === 401 ? 'UNAUTHENTICATED' : response.status >= 500 ? 'INTERNAL' : 'UNKNOWN';
  return new ApiError(response.status, fallbackCode, response.statusText || `HTTP ${response.status}`);
}

async function send(url: string, init: RequestInit, redirectOn401: boolean): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && redirectOn401) redirectToLogin();
    throw error;
  }
  return response;
}

/** Calls a JSON endpoint; resolves to the parsed body (undefined for 204) or throws ApiError. */
export async function api<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal, redirectOn401 = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await send(
    url + toQueryString(query),
    { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) },
    redirectOn401,
  );
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const apiGet = <T,>(url: string, query?: QueryParams, signal?: AbortSignal) => api<T>(url, { query, signal });
export const apiPost = <T,>(url: string, body?: unknown) => api<T>(url, { method: 'POST', body: body ?? {} });
export const apiPatch = <T,>(url: string, body: unknown) => api<T>(url, { method: 'PATCH', body });
export const apiDelete = <T,>(url: string) => api<T>(url, { method: 'DELETE' });

function fileNameFrom(response: Response, url: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  if (plain) return plain[1];
  const last = new URL(url, window.location.origin).pathname.split('/').pop();
  return last || 'download';
}

/** Downloads a file (e.g. an .xlsx export) with the session cookie and saves it under the server's name. */
export async function download(url: string): Promise<void> {
  const response = await send(url, { method: 'GET' }, true);
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = objectUrl;
  anchor.download = fileNameFrom(response, url);
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 1000);
}

/** Uploads one file as multipart/form-data (field `file`) with extra text fields; parses the JSON reply. */
export async function uploadFile<T>(
  url: string,
  file: File | Blob,
  extraFields: Record<string, string | number | boolean> = {},
): Promise<T> {
  const form = new FormData();
  for (const [key, value] of Object.entries(extraFields)) form.append(key, String(value));
  form.append('file', file, file instanceof File ? file.name : 'upload');
  const response = await send(url, { method: 'POST', body: form, headers: { Accept: 'application/json' } }, true);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
