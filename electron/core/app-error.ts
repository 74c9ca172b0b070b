import type { ErrorCode, ErrorInfo, FieldName } from '../common/errors';
import { isErrorCode } from '../common/errors';

/** The one error type the core throws on purpose. Anything else is a bug and surfaces as INTERNAL. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: FieldName,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toInfo(): ErrorInfo {
    return this.field ? { code: this.code, message: this.message, field: this.field } : { code: this.code, message: this.message };
  }
}

/**
 * Turn anything thrown into an ErrorInfo for IPC or the CLI. Unknown errors keep no stack or
 * detail across the boundary: their text could hold anything, including request bodies.
 */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof AppError) return err.toInfo();
  if (err && typeof err === 'object' && 'code' in err && isErrorCode((err as { code: unknown }).code) && 'message' in err) {
    const e = err as { code: ErrorInfo['code']; message: unknown; field?: unknown };
    return { code: e.code, message: String(e.message), ...(typeof e.field === 'string' ? { field: e.field as FieldName } : {}) };
  }
  return { code: 'INTERNAL', message: 'An unexpected error occurred. Details were written to the log.' };
}
