// A loopback Azure AD + Azure Container Registry that speaks the token protocol the Azure SDK
// uses (shared/reference/acr-protocol.md §1, §3, §4, §5), over real HTTPS with a private CA.
// Two servers, like the real thing: an authority host and a registry host.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { testPki, type KeyPair } from './certs';

/** acr-challenge is the SDK's first, anonymous catalog call; acr-catalog the one with the ACR token. */
export type Endpoint = 'aad-metadata' | 'aad-token' | 'acr-ping' | 'acr-exchange' | 'acr-token' | 'acr-challenge' | 'acr-catalog';
export type Fault = { kind: 'hang' } | { kind: 'reset' } | { kind: 'status'; status: number } | { kind: 'delay'; ms: number };
export type Access = 'read' | 'deny-exchange' | 'deny-token' | 'empty-grant';

export interface Principal {
  tenantId: string;
  clientId: string;
  secret: string;
  expired?: boolean;
  access?: Access;
}

export interface LoggedRequest {
  server: 'aad' | 'acr';
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export const GOOD = {
  tenantId: '11111111-2222-3333-4444-555555555555',
  clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  secret: 'Zx8Q~good-secret-value.1234567890abcdef',
} as const;

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An unsigned JWT: the SDK only reads the payload (the ACR refresh token must carry `exp`). */
const jwt = (payload: Record<string, unknown>): string => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.sig`;
const claims = (token: string): Record<string, unknown> => {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
  } catch {
    return {};
  }
};

function aadError(res: ServerResponse, status: number, error: string, code: number, text: string): void {
  const description = `AADSTS${code}: ${text}\r\nTrace ID: 0000\r\nCorrelation ID: 0000\r\nTimestamp: ${new Date().toISOString()}`;
  send(res, status, { error, error_description: description, error_codes: [code], timestamp: new Date().toISOString(), trace_id: '0000', correlation_id: '0000', error_uri: `https://login.microsoftonline.com/error?code=${code}` });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export class FakeAzure {
  readonly principals: Principal[] = [{ ...GOOD }];
  /** Tenants that exist, by id or verified domain. */
  readonly tenants = new Set<string>([GOOD.tenantId, 'contoso.onmicrosoft.com']);
  repositories = ['edge/analytics', 'edge/gateway', 'ml/predictive-maintenance', 'ml/vision', 'tools/diagnostics', 'tools/shell', 'zz/last'];
  readonly faults = new Map<Endpoint, Fault>();
  /** Serve metadata for any tenant, so an unknown one is refused at the token endpoint (as in public cloud). */
  metadataForAnyTenant = false;
  readonly log: LoggedRequest[] = [];
  private readonly sockets = new Set<Socket>();
  private aad!: Server;
  private acr!: Server;

  get authorityHost(): string {
    return `https://127.0.0.1:${(this.aad.address() as AddressInfo).port}`;
  }

  get registryAddress(): string {
    return `https://127.0.0.1:${(this.acr.address() as AddressInfo).port}`;
  }

  get caPem(): string {
    return testPki().caPem;
  }

  get caFile(): string {
    return testPki().caFile;
  }

  async start(): Promise<this> {
    const pki = testPki();
    this.aad = await this.listen('aad', pki.server, (req, res, body) => this.handleAad(req, res, body));
    this.acr = await this.listen('acr', pki.server, (req, res, body) => this.handleAcr(req, res, body));
    return this;
  }

  /** Serve another certificate from now on (new connections). */
  useCertificate(server: 'aad' | 'acr', kind: 'trusted' | 'wrong-name' | 'self-signed'): void {
    const pki = testPki();
    const pair = kind === 'trusted' ? pki.server : kind === 'wrong-name' ? pki.wrongName : pki.selfSigned;
    (server === 'aad' ? this.aad : this.acr).setSecureContext({ key: pair.key, cert: pair.cert });
  }

  fail(endpoint: Endpoint, fault: Fault): void {
    this.faults.set(endpoint, fault);
  }

  reset(): void {
    this.faults.clear();
    this.log.length = 0;
    this.metadataForAnyTenant = false;
    this.principals.splice(0, this.principals.length, { ...GOOD });
    this.useCertificate('aad', 'trusted');
    this.useCertificate('acr', 'trusted');
  }

  principal(patch: Partial<Principal>): Principal {
    const p = this.principals[0] as Principal;
    Object.assign(p, patch);
    return p;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await Promise.all([this.aad, this.acr].map((s) => new Promise((r) => s?.close(r))));
  }

  private listen(name: 'aad' | 'acr', pair: KeyPair, handle: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<Server> {
    const server = createServer({ key: pair.key, cert: pair.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        this.log.push({ server: name, method: req.method ?? 'GET', path, headers: req.headers, body });
        const endpoint = this.endpointOf(name, req.method ?? 'GET', path, !!req.headers.authorization);
        const fault = endpoint && this.faults.get(endpoint);
        if (!fault) return handle(req, res, body);
        switch (fault.kind) {
          case 'hang':
            return; // never answer; the socket is destroyed at close()
          case 'reset':
            return req.socket.destroy();
          case 'status':
            return send(res, fault.status, { errors: [{ code: 'UNAVAILABLE', message: 'service unavailable' }] });
          case 'delay':
            setTimeout(() => handle(req, res, body), fault.ms);
        }
      });
    });
    server.on('secureConnection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    // A client that rejects our certificate makes the handshake fail on our side too: expected.
    server.on('tlsClientError', () => undefined);
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
  }

  private endpointOf(server: 'aad' | 'acr', method: string, path: string, authorized: boolean): Endpoint | undefined {
    if (server === 'aad') {
      if (path.endsWith('/v2.0/.well-known/openid-configuration')) return 'aad-metadata';
      if (method === 'POST' && path.endsWith('/oauth2/v2.0/token')) return 'aad-token';
      return undefined;
    }
    if (path === '/v2/' || path === '/v2') return 'acr-ping';
    if (path === '/oauth2/exchange') return 'acr-exchange';
    if (path === '/oauth2/token') return 'acr-token';
    if (path === '/acr/v1/_catalog') return authorized ? 'acr-catalog' : 'acr-challenge';
    return undefined;
  }

  private handleAad(req: IncomingMessage, res: ServerResponse, body: string): void {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const tenant = decodeURIComponent(path.split('/')[1] ?? '');
    const base = this.authorityHost;
    if (path.endsWith('/v2.0/.well-known/openid-configuration')) {
      if (!this.tenants.has(tenant) && !this.metadataForAnyTenant) return aadError(res, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
      return send(res, 200, {
        token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
        issuer: `${base}/${tenant}/v2.0`,
        jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
        end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        tenant_region_scope: 'EU',
      });
    }
    if (req.method === 'POST' && path.endsWith('/oauth2/v2.0/token')) {
      const form = new URLSearchParams(body);
      if (!this.tenants.has(tenant)) return aadError(res, 400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
      const clientId = form.get('client_id') ?? '';
      const p = this.principals.find((x) => x.clientId === clientId && (x.tenantId === tenant || this.tenants.has(tenant)));
      if (!p) return aadError(res, 400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory 'Test'. This can happen if the application has not been installed by the administrator of the tenant.`);
      if (form.get('client_secret') !== p.secret) return aadError(res, 401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
      if (p.expired) return aadError(res, 401, 'invalid_client', 7000222, `The provided client secret keys for app '${clientId}' are expired.`);
      const exp = Math.floor(Date.now() / 1000) + 3600;
      return send(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: jwt({ aud: 'https://containerregistry.azure.net', tid: tenant, appid: clientId, exp }) });
    }
    send(res, 404, { error: 'not_found' });
  }

  private challenge(res: ServerResponse, scope: string): void {
    const realm = `${this.registryAddress}/oauth2/token`;
    send(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required, visit https://aka.ms/acr/authorization for more information.', detail: [{ Type: 'registry', Name: 'catalog', Action: '*' }] }] }, {
      'www-authenticate': `Bearer realm="${realm}",service="127.0.0.1",scope="${scope}"`,
      'docker-distribution-api-version': 'registry/2.0',
    });
  }

  private principalOf(token: string): Principal | undefined {
    const c = claims(token);
    return this.principals.find((p) => p.clientId === c.appid);
  }

  private handleAcr(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', this.registryAddress);
    const denied = (): void => send(res, 403, { errors: [{ code: 'DENIED', message: 'retrieving permissions failed' }] });
    switch (url.pathname) {
      case '/v2/':
      case '/v2':
        return this.challenge(res, 'registry:catalog:*');
      case '/oauth2/exchange': {
        const form = new URLSearchParams(body);
        const p = this.principalOf(form.get('access_token') ?? '');
        if (form.get('grant_type') !== 'access_token' || !p) return send(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'invalid AAD access token' }] });
        if (p.access === 'deny-exchange') return denied();
        return send(res, 200, { refresh_token: jwt({ appid: p.clientId, exp: Math.floor(Date.now() / 1000) + 10800 }) });
      }
      case '/oauth2/token': {
        const form = new URLSearchParams(body);
        const p = this.principalOf(form.get('refresh_token') ?? '');
        if (!p) return send(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'invalid refresh token' }] });
        if (p.access === 'deny-token') return denied();
        const access = p.access === 'empty-grant' ? [] : [{ type: 'registry', name: 'catalog', actions: ['*'] }];
        return send(res, 200, { access_token: jwt({ appid: p.clientId, access, exp: Math.floor(Date.now() / 1000) + 3600 }) });
      }
      case '/acr/v1/_catalog': {
        const auth = req.headers.authorization ?? '';
        const grant = claims(auth.replace(/^Bearer /, '')).access;
        if (!auth.startsWith('Bearer ') || !Array.isArray(grant) || grant.length === 0) return this.challenge(res, 'registry:catalog:*');
        const n = Number(url.searchParams.get('n') ?? '100');
        const last = url.searchParams.get('last');
        const sorted = [...this.repositories].sort();
        const from = last ? sorted.findIndex((r) => r > last) : 0;
        const page = from < 0 ? [] : sorted.slice(from, from + n);
        const more = from >= 0 && from + n < sorted.length;
        const headers: Record<string, string> = more ? { link: `</acr/v1/_catalog?last=${encodeURIComponent(page[page.length - 1] ?? '')}&n=${n}&orderby=>; rel="next"` } : {};
        return send(res, 200, { repositories: page }, headers);
      }
      default:
        return send(res, 404, { errors: [{ code: 'NAME_UNKNOWN', message: 'not found' }] });
    }
  }
}
