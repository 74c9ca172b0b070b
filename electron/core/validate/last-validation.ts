import type { LastValidation, ValidationResult } from '../../common/registry';

/** What a row keeps of a validation: when, whether it passed, and where it stopped. */
export function toLastValidation(result: ValidationResult, now: number): LastValidation {
  const failed = result.steps.find((s) => !s.ok);
  const durationMs = result.steps.reduce((sum, s) => sum + s.durationMs, 0);
  const message = result.ok
    ? `Read the registry${result.repositoriesSample ? ` (${result.repositoriesSample.length} repositories on the first page)` : ''}.`
    : (result.error?.message ?? failed?.message ?? 'Validation failed.');
  return {
    at: new Date(now).toISOString(),
    ok: result.ok,
    ...(failed ? { failedStep: failed.step } : {}),
    ...(result.error ? { code: result.error.code } : {}),
    message,
    durationMs,
  };
}
