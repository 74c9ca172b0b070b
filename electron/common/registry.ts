// The registry as every layer sees it. Pure types: imported by core, IPC, CLI and renderer alike.
import type { ErrorInfo } from './errors';

export const REGISTRY_TYPES = ['acr'] as const;
export type RegistryType = (typeof REGISTRY_TYPES)[number];

export const REGISTRY_TYPE_LABELS: Record<RegistryType, string> = {
  acr: 'Azure Container Registry',
};

export const VALIDATION_STEPS = ['reach', 'sign-in', 'authorize', 'read'] as const;
export type ValidationStepName = (typeof VALIDATION_STEPS)[number];

export interface ValidationStep {
  step: ValidationStepName;
  ok: boolean;
  message: string;
  durationMs: number;
}

/** A validation step started, or ended with its result (for live progress in the UI and CLI). */
export type StepEvent = { step: ValidationStepName; state: 'running' } | { step: ValidationStepName; state: 'done'; result: ValidationStep };

export interface ValidationResult {
  ok: boolean;
  steps: ValidationStep[];
  error?: ErrorInfo;
  /** A few repository names from the first page, so the user sees what was read. */
  repositoriesSample?: string[];
}

/** What the row remembers of the last validation of its stored values. */
export interface LastValidation {
  at: string;
  ok: boolean;
  failedStep?: ValidationStepName;
  code?: string;
  message: string;
  durationMs: number;
}

export interface Registry {
  id: string;
  name: string;
  type: RegistryType;
  address: string;
  tenantId: string;
  clientId: string;
  authorityHost: string;
  /** PEM of an extra CA trusted for this registry and its authority; certificates are not secrets. */
  caCertificate: string | null;
  isDefault: boolean;
  /** Whether the keychain holds this registry's client secret (known from the row, never by asking the keychain). */
  secretStored: boolean;
  createdAt: string;
  updatedAt: string;
  lastValidation: LastValidation | null;
}

/** Connection values: everything validation depends on. */
export interface ConnectionInput {
  type: RegistryType;
  address: string;
  tenantId: string;
  clientId: string;
  authorityHost?: string;
  caCertificate?: string | null;
}

export interface CreateRegistryInput extends ConnectionInput {
  name: string;
  clientSecret: string;
}

/** Absent fields keep their stored value; an empty or absent clientSecret keeps the stored secret. */
export interface UpdateRegistryInput {
  name?: string;
  address?: string;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  authorityHost?: string;
  caCertificate?: string | null;
}

/** Validate values typed into a form; with registryId and no secret, the stored secret is used. */
export interface ValidateConnectionInput extends ConnectionInput {
  registryId?: string;
  clientSecret?: string;
}
