import { createHmac, randomBytes } from 'node:crypto';
import type { LastValidation } from '../common/registry';
import type { Connection } from './validate/connection-validator';

export const VALIDATION_TTL_MS = 10 * 60 * 1000;

/**
 * Remembers which exact connection values passed validation in this process, for ten minutes.
 * Values are kept only as an HMAC under a key that never leaves memory, so the secret is not
 * held here in any recoverable form.
 */
export class ValidationLedger {
  private readonly key = randomBytes(32);
  private readonly passed = new Map<string, LastValidation>();

  constructor(private readonly now: () => number = Date.now) {}

  fingerprint(c: Connection): string {
    const fields = [c.type, c.address, c.tenantId, c.clientId, c.clientSecret, c.authorityHost, c.caCertificate ?? ''];
    return createHmac('sha256', this.key).update(JSON.stringify(fields)).digest('hex');
  }

  record(c: Connection, v: LastValidation): void {
    this.prune();
    this.passed.set(this.fingerprint(c), v);
  }

  /** The passing validation of exactly these values, if it is recent enough. */
  find(c: Connection): LastValidation | undefined {
    this.prune();
    return this.passed.get(this.fingerprint(c));
  }

  private prune(): void {
    const cutoff = this.now() - VALIDATION_TTL_MS;
    for (const [k, v] of this.passed) if (Date.parse(v.at) < cutoff) this.passed.delete(k);
  }
}
