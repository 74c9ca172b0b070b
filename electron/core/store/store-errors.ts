import { AppError } from '../app-error';

/** Map better-sqlite3 errors that a user can act on; others pass through unchanged. */
export function mapStoreError(err: unknown): unknown {
  if (err instanceof AppError || !(err instanceof Error)) return err;
  const code = (err as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('STORE_BUSY', 'Another Nexus Registries window or command is saving right now. Try again in a moment.', undefined, { cause: err });
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' && err.message.includes('name_key')) {
    return new AppError('NAME_TAKEN', 'Another registry already has this name (names are compared ignoring case). Choose a different name.', 'name', { cause: err });
  }
  return err;
}
