// Errors are values: they cross IPC and the CLI as { code, message, field? }.
// The codes are a stable interface (scripts and the UI branch on them); add, never rename.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'NAME_TAKEN',
  'DEFAULT_UNDELETABLE',
  'VALIDATION_REQUIRED',
  'SECRET_MISSING',
  'KEYCHAIN_UNAVAILABLE',
  'STORE_BUSY',
  'STORE_TOO_NEW',
  'UNREACHABLE',
  'NOT_A_REGISTRY',
  'TLS_UNTRUSTED',
  'UNKNOWN_TENANT',
  'UNKNOWN_CLIENT',
  'BAD_SECRET',
  'SECRET_EXPIRED',
  'ACCESS_DENIED',
  'TIMEOUT',
  'CANCELLED',
  'FORBIDDEN',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The fields of the registry form that an error can point at. */
export const FIELD_NAMES = ['name', 'type', 'address', 'tenantId', 'clientId', 'clientSecret', 'authorityHost', 'caCertificate', 'id'] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  field?: FieldName;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
