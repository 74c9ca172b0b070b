import type { ErrorCode } from '../common/errors';

/** DESIGN.md "CLI": 0 done; 1 validation or runtime failure; 2 usage or invalid input; 3 not found; 4 refused by a rule. */
export const EXIT = { ok: 0, failure: 1, usage: 2, notFound: 3, refused: 4 } as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_INPUT':
      return EXIT.usage;
    case 'NOT_FOUND':
      return EXIT.notFound;
    case 'NAME_TAKEN':
    case 'DEFAULT_UNDELETABLE':
    case 'VALIDATION_REQUIRED':
      return EXIT.refused;
    default:
      return EXIT.failure;
  }
}
