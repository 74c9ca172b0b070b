import { X509Certificate } from 'node:crypto';
import type { FieldName } from '../common/errors';
import type { ConnectionInput } from '../common/registry';
import { REGISTRY_TYPES } from '../common/registry';
import {
  checkAddress,
  checkAuthorityHost,
  checkCaPem,
  checkClientId,
  checkName,
  checkSecret,
  checkTenantId,
  type FieldCheck,
} from '../common/registry-fields';
import { AppError } from './app-error';
import type { Connection } from './validate/connection-validator';

/** Unwrap a field check or throw INVALID_INPUT naming the field. */
export function must<T>(check: FieldCheck<T>): T {
  if (!check.ok) throw new AppError('INVALID_INPUT', check.message, check.field);
  return check.value;
}

export function normaliseName(raw: unknown): string {
  return must(checkName(raw));
}

export function normaliseSecret(raw: unknown): string {
  return must(checkSecret(raw));
}

/** Parse every certificate in a PEM bundle, so a broken one is refused on input, not at validation. */
export function normaliseCaPem(raw: unknown): string | null {
  const pem = must(checkCaPem(raw));
  if (pem === null) return null;
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const field: FieldName = 'caCertificate';
  if (blocks.length === 0) throw new AppError('INVALID_INPUT', 'CA certificate must contain at least one complete PEM certificate.', field);
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      throw new AppError('INVALID_INPUT', 'CA certificate could not be read: check that the PEM text is complete and unmodified.', field);
    }
  }
  return blocks.join('\n') + '\n';
}

export type NormalisedConnection = Omit<Connection, 'clientSecret'>;

export function normaliseConnection(input: ConnectionInput): NormalisedConnection {
  if (!REGISTRY_TYPES.includes(input.type)) {
    throw new AppError('INVALID_INPUT', `Type must be one of: ${REGISTRY_TYPES.join(', ')} (Azure Container Registry).`, 'type');
  }
  return {
    type: input.type,
    address: must(checkAddress(input.address)),
    tenantId: must(checkTenantId(input.tenantId)),
    clientId: must(checkClientId(input.clientId)),
    authorityHost: must(checkAuthorityHost(input.authorityHost)),
    caCertificate: normaliseCaPem(input.caCertificate),
  };
}

export function sameConnection(a: NormalisedConnection, b: NormalisedConnection): boolean {
  return (
    a.type === b.type &&
    a.address === b.address &&
    a.tenantId === b.tenantId &&
    a.clientId === b.clientId &&
    a.authorityHost === b.authorityHost &&
    (a.caCertificate ?? null) === (b.caCertificate ?? null)
  );
}
