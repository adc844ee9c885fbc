/** The closed list of error codes and the HTTP status each one maps to. */
const statusByCode = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof statusByCode;

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** A single-field validation error, shaped like schema failures. */
export function fieldError(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path, message }] satisfies FieldIssue[]);
}

export function notFound(what = '记录'): AppError {
  return new AppError('NOT_FOUND', `${what}不存在`);
}
