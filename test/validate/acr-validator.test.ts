import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StepEvent, ValidationResult } from '../../electron/common/registry';
import { AcrValidator } from '../../electron/core/validate/acr-validator';
import type { Connection } from '../../electron/core/validate/connection-validator';
import { FakeAzure, GOOD, type Endpoint } from '../support/fake-azure';

let az: FakeAzure;
const validator = new AcrValidator(5000);

beforeAll(async () => {
  az = await new FakeAzure().start();
});
afterAll(() => az.close());
beforeEach(() => az.reset());

function conn(patch: Partial<Connection> = {}): Connection {
  return { type: 'acr', address: az.registryAddress, tenantId: GOOD.tenantId, clientId: GOOD.clientId, clientSecret: GOOD.secret, authorityHost: az.authorityHost, caCertificate: az.caPem, ...patch };
}

function failedStep(r: ValidationResult): string | undefined {
  return r.steps.find((s) => !s.ok)?.step;
}

describe('ACR validation against a loopback Azure AD + ACR', () => {
  it('passes all four steps with good credentials and samples the first page', async () => {
    const events: StepEvent[] = [];
    const r = await validator.validate(conn(), { onStep: (e) => events.push(e) });
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => [s.step, s.ok])).toEqual([['reach', true], ['sign-in', true], ['authorize', true], ['read', true]]);
    expect(r.repositoriesSample).toEqual(['edge/analytics', 'edge/gateway', 'ml/predictive-maintenance', 'ml/vision', 'tools/diagnostics']);
    expect(events.map((e) => `${e.step}:${e.state}`)).toEqual(['reach:running', 'reach:done', 'sign-in:running', 'sign-in:done', 'authorize:running', 'authorize:done', 'read:running', 'read:done']);
    // The protocol as the SDK speaks it: anonymous challenge, AAD token, exchange, token, catalog with the ACR token.
    const paths = az.log.map((l) => `${l.server} ${l.method} ${l.path}`);
    expect(paths).toEqual(expect.arrayContaining([`aad POST /${GOOD.tenantId}/oauth2/v2.0/token`, 'acr POST /oauth2/exchange', 'acr POST /oauth2/token']));
    expect(az.log.find((l) => l.path === '/acr/v1/_catalog' && l.headers.authorization)).toBeDefined();
  });

  it('never contacts the public cloud for a custom authority (instance discovery off)', async () => {
    await validator.validate(conn());
    expect(az.log.every((l) => l.server === 'aad' || l.server === 'acr')).toBe(true);
    expect(az.log.some((l) => l.path.endsWith('/v2.0/.well-known/openid-configuration'))).toBe(true);
  });

  const cases: [string, () => void, Partial<Connection>, string, string, string][] = [
    ['wrong secret', () => undefined, { clientSecret: 'not-the-secret' }, 'sign-in', 'BAD_SECRET', 'clientSecret'],
    ['expired secret', () => az.principal({ expired: true }), {}, 'sign-in', 'SECRET_EXPIRED', 'clientSecret'],
    ['unknown client', () => undefined, { clientId: '99999999-9999-4999-8999-999999999999' }, 'sign-in', 'UNKNOWN_CLIENT', 'clientId'],
    ['unknown tenant (metadata refuses)', () => undefined, { tenantId: 'fabrikam.onmicrosoft.com' }, 'sign-in', 'UNKNOWN_TENANT', 'tenantId'],
    ['unknown tenant (token endpoint refuses)', () => (az.metadataForAnyTenant = true), { tenantId: 'fabrikam.onmicrosoft.com' }, 'sign-in', 'UNKNOWN_TENANT', 'tenantId'],
    ['no access: denied at exchange', () => az.principal({ access: 'deny-exchange' }), {}, 'authorize', 'ACCESS_DENIED', 'clientId'],
    ['no access: denied at token', () => az.principal({ access: 'deny-token' }), {}, 'authorize', 'ACCESS_DENIED', 'clientId'],
    ['no access: empty grant', () => az.principal({ access: 'empty-grant' }), {}, 'read', 'ACCESS_DENIED', 'clientId'],
    ['registry CA not trusted', () => undefined, { caCertificate: null }, 'reach', 'TLS_UNTRUSTED', 'address'],
    ['registry certificate for another name', () => az.useCertificate('acr', 'wrong-name'), {}, 'reach', 'TLS_UNTRUSTED', 'address'],
    ['registry self-signed', () => az.useCertificate('acr', 'self-signed'), {}, 'reach', 'TLS_UNTRUSTED', 'address'],
    ['authority certificate for another name', () => az.useCertificate('aad', 'wrong-name'), {}, 'sign-in', 'TLS_UNTRUSTED', 'authorityHost'],
    ['registry port closed', () => undefined, { address: 'https://127.0.0.1:9' }, 'reach', 'UNREACHABLE', 'address'],
    ['registry host unknown', () => undefined, { address: 'https://registry.nexus-test.invalid' }, 'reach', 'UNREACHABLE', 'address'],
    ['authority port closed', () => undefined, { authorityHost: 'https://127.0.0.1:9' }, 'sign-in', 'UNREACHABLE', 'authorityHost'],
    ['registry resets connections', () => az.fail('acr-ping', { kind: 'reset' }), {}, 'reach', 'UNREACHABLE', 'address'],
    ['not a registry (HTTP 404 at /v2/)', () => az.fail('acr-ping', { kind: 'status', status: 404 }), {}, 'reach', 'NOT_A_REGISTRY', 'address'],
    ['registry 5xx', () => az.fail('acr-ping', { kind: 'status', status: 503 }), {}, 'reach', 'NOT_A_REGISTRY', 'address'],
    ['token service 5xx', () => az.fail('acr-exchange', { kind: 'status', status: 503 }), {}, 'authorize', 'UNREACHABLE', 'address'],
    ['catalog 5xx', () => az.fail('acr-catalog', { kind: 'status', status: 500 }), {}, 'read', 'UNREACHABLE', 'address'],
  ];

  it.each(cases.map(([label, arrange, patch, step, code, field]) => ({ label, arrange, patch, step, code, field })))(
    '$label → fails at $step with $code on $field',
    async ({ arrange, patch, step, code, field }) => {
    arrange();
    const r = await validator.validate(conn(patch));
    expect(r.ok).toBe(false);
    expect(failedStep(r)).toBe(step);
    expect(r.error).toMatchObject({ code, field });
    expect(r.error?.message.length).toBeGreaterThan(20);
    },
  );

  it('reminds that the secret value, not its ID, is needed', async () => {
    const r = await validator.validate(conn({ clientSecret: 'a1b2c3d4-0000-4000-8000-secret-id' }));
    expect(r.error?.message).toMatch(/Value, not its Secret ID/);
  });

  it('names the certificate problem and the way to add a CA', async () => {
    const r = await validator.validate(conn({ caCertificate: null }));
    expect(r.error?.message).toMatch(/not trusted/);
    expect(r.error?.message).toMatch(/CA certificate|--ca-file/);
  });

  it('never puts the secret in a message, even when a server echoes it', async () => {
    const secret = 'echo-me-please-0123456789';
    az.principal({ secret: 'something-else' });
    const r = await validator.validate(conn({ clientSecret: secret }));
    expect(JSON.stringify(r)).not.toContain(secret);
  });

  it('is slow but fine when the registry is slow', async () => {
    az.fail('acr-catalog', { kind: 'delay', ms: 800 });
    const r = await validator.validate(conn());
    expect(r.ok).toBe(true);
  });

  it('retries a dropped connection once and then tells the user', async () => {
    az.fail('acr-exchange', { kind: 'reset' });
    const r = await validator.validate(conn());
    expect(r.error).toMatchObject({ code: 'UNREACHABLE', field: 'address' });
    expect(az.log.filter((l) => l.path === '/oauth2/exchange').length).toBeLessThanOrEqual(2);
  });
});

describe('bounded in time, and cancellable', () => {
  const hangs: [Endpoint, string, string][] = [
    ['acr-ping', 'reach', 'address'],
    ['aad-metadata', 'sign-in', 'authorityHost'],
    ['aad-token', 'sign-in', 'authorityHost'],
    ['acr-challenge', 'authorize', 'address'],
    ['acr-exchange', 'authorize', 'address'],
    ['acr-token', 'authorize', 'address'],
    ['acr-catalog', 'read', 'address'],
  ];

  it.each(hangs)('a hang at %s ends as TIMEOUT at the %s step within the deadline plus one second', async (endpoint, step, field) => {
    az.fail(endpoint, { kind: 'hang' });
    const deadline = 1500;
    const started = Date.now();
    const r = await validator.validate(conn(), { timeoutMs: deadline });
    const took = Date.now() - started;
    expect(r.error).toMatchObject({ code: 'TIMEOUT', field });
    expect(failedStep(r)).toBe(step);
    expect(r.error?.message).toMatch(/within 2 s|within 1 s/);
    expect(took).toBeLessThan(deadline + 1000);
  });

  it('returns CANCELLED promptly when cancelled mid-step', async () => {
    az.fail('aad-token', { kind: 'hang' });
    const controller = new AbortController();
    const pending = validator.validate(conn(), {
      signal: controller.signal,
      onStep: (e) => {
        if (e.step === 'sign-in' && e.state === 'running') setTimeout(() => controller.abort(), 100);
      },
    });
    const started = Date.now();
    const r = await pending;
    expect(r.error?.code).toBe('CANCELLED');
    expect(failedStep(r)).toBe('sign-in');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('returns CANCELLED at once when given an already-aborted signal', async () => {
    const r = await validator.validate(conn(), { signal: AbortSignal.abort() });
    expect(r.error?.code).toBe('CANCELLED');
  });
});
