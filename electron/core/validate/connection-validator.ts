import type { RegistryType, StepEvent, ValidationResult } from '../../common/registry';

/** Everything a validation needs, already normalised, with the secret in clear (memory only). */
export interface Connection {
  type: RegistryType;
  address: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authorityHost: string;
  caCertificate: string | null;
}


export interface ValidateOptions {
  /** Cancel: the result comes back at once with CANCELLED. */
  signal?: AbortSignal;
  /** Whole-validation deadline; every HTTP request is bounded by what remains of it. */
  timeoutMs?: number;
  onStep?: (event: StepEvent) => void;
}

export const DEFAULT_VALIDATION_TIMEOUT_MS = 20_000;

/** Proves (or not) that a service principal can read a registry. Never throws: failures are results. */
export interface ConnectionValidator {
  validate(connection: Connection, options?: ValidateOptions): Promise<ValidationResult>;
}
