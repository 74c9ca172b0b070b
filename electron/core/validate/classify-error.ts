import type { ErrorInfo, FieldName } from '../../common/errors';
import type { ValidationStepName } from '../../common/registry';

/** Node's TLS verification codes, told in words a registry admin can act on. */
const TLS_PROBLEMS: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is signed by a CA this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT: 'its certificate is signed by a CA this computer does not trust',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is signed by a CA this computer does not trust',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain ends in a self-signed CA this computer does not trust',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it presents a self-signed certificate',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet (check this computer\'s clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for a different host name',
  CERT_REVOKED: 'its certificate has been revoked',
};

export interface ClassifyContext {
  step: ValidationStepName;
  address: string;
  authorityHost: string;
  clientId: string;
  /** Which endpoint the failing request went to. */
  target: 'registry' | 'authority';
}

function errCode(err: unknown): string | undefined {
  const c = (err as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

function errName(err: unknown): string {
  return err instanceof Error ? err.name : '';
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function statusOf(err: unknown): number | undefined {
  const s = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A network or TLS failure talking to `target`, or undefined if `err` is not one. */
export function classifyNetwork(err: unknown, ctx: ClassifyContext): ErrorInfo | undefined {
  const code = errCode(err);
  const field: FieldName = ctx.target === 'registry' ? 'address' : 'authorityHost';
  const host = hostOf(ctx.target === 'registry' ? ctx.address : ctx.authorityHost);
  const what = ctx.target === 'registry' ? 'The registry' : 'The Azure AD authority';
  if (code && TLS_PROBLEMS[code]) {
    return {
      code: 'TLS_UNTRUSTED',
      field,
      message: `${what} ${host} was reached, but its TLS certificate is not trusted: ${TLS_PROBLEMS[code]} (${code}). If your organisation uses its own CA, add it under Advanced › CA certificate (CLI: --ca-file).`,
    };
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { code: 'UNREACHABLE', field, message: `Cannot resolve ${host}: check the spelling of the address and this computer's DNS or proxy settings.` };
    case 'ECONNREFUSED':
      return { code: 'UNREACHABLE', field, message: `${host} refused the connection: check the address and port, and that a firewall lets this computer reach it.` };
    case 'ECONNRESET':
    case 'EPIPE':
      return { code: 'UNREACHABLE', field, message: `The connection to ${host} was reset: a proxy or firewall may be blocking it.` };
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return { code: 'UNREACHABLE', field, message: `${host} cannot be reached from this computer (${code}): check the network, VPN or proxy.` };
    default:
      break;
  }
  if (code && /^(ERR_TLS|ERR_SSL|EPROTO)/.test(code)) {
    return { code: 'UNREACHABLE', field, message: `A secure connection to ${host} could not be set up (${code}): check that the address speaks https, and any TLS-inspecting proxy.` };
  }
  if (errName(err) === 'RestError' && code && statusOf(err) === undefined) {
    return { code: 'UNREACHABLE', field, message: `${host} could not be reached (${code}).` };
  }
  return undefined;
}

/** Map Azure AD's AADSTS error codes (reference §4) to what the user must fix. */
function classifyAad(message: string, ctx: ClassifyContext): ErrorInfo | undefined {
  const aadsts = /AADSTS(\d+)/.exec(message)?.[1];
  if (!aadsts) return undefined;
  const detail = /AADSTS\d+:[^.\r\n]*\.?/.exec(message)?.[0] ?? `AADSTS${aadsts}`;
  switch (aadsts) {
    case '7000215':
    case '7000216':
    case '7000218':
      return {
        code: 'BAD_SECRET',
        field: 'clientSecret',
        message: `Azure AD rejected the client secret. Enter the secret's Value, not its Secret ID, as shown once when the secret was created in the app registration (${detail})`,
      };
    case '7000222':
      return { code: 'SECRET_EXPIRED', field: 'clientSecret', message: `The client secret has expired. Create a new secret for the app registration and enter its Value. (${detail})` };
    case '700016':
      return {
        code: 'UNKNOWN_CLIENT',
        field: 'clientId',
        message: `Azure AD has no application with Client ID ${ctx.clientId} in this tenant. Check the Client ID (the application ID, not the object ID) and the Tenant ID.`,
      };
    case '90002':
    case '900023':
    case '90013':
      return { code: 'UNKNOWN_TENANT', field: 'tenantId', message: `Azure AD does not know this tenant. Check the Tenant ID, and the authority host if the tenant is in another cloud. (${detail})` };
    default:
      return { code: 'ACCESS_DENIED', field: 'clientId', message: `Azure AD refused the sign-in: ${detail}` };
  }
}

/** Classify a failure of the sign-in step. `metadataStatus` comes from a diagnosis probe. */
export function classifySignIn(err: unknown, ctx: ClassifyContext): ErrorInfo {
  const message = errMessage(err);
  const aad = classifyAad(message, ctx);
  if (aad) return aad;
  const net = classifyNetwork(err, { ...ctx, target: 'authority' });
  if (net) return net;
  if (/Invalid tenant id/i.test(message)) {
    return { code: 'UNKNOWN_TENANT', field: 'tenantId', message: 'Tenant ID has characters Azure AD does not accept. Use the directory (tenant) ID GUID or a verified domain.' };
  }
  if (/network_error/.test(message)) {
    return { code: 'UNREACHABLE', field: 'authorityHost', message: `The Azure AD authority ${hostOf(ctx.authorityHost)} could not be reached: check the network, proxy, or the authority host setting.` };
  }
  return { code: 'ACCESS_DENIED', field: 'clientId', message: `Azure AD did not sign the service principal in: ${message.split(/\r?\n/)[0]}` };
}

/** Classify a failure of the authorize or read steps (ACR token exchange or the catalog call). */
export function classifyRegistry(err: unknown, ctx: ClassifyContext): ErrorInfo {
  const net = classifyNetwork(err, { ...ctx, target: 'registry' });
  if (net) return net;
  const status = statusOf(err);
  const host = hostOf(ctx.address);
  if (status === 401 || status === 403) {
    const body = errMessage(err);
    if (/not allowed access|aka\.ms\/acr\/firewall/i.test(body)) {
      return { code: 'ACCESS_DENIED', field: 'address', message: `${host} refused this computer's IP address (registry firewall). Ask the registry owner to allow it, or use a private endpoint.` };
    }
    return {
      code: 'ACCESS_DENIED',
      field: 'clientId',
      message: `The service principal signed in, but ${host} did not let it ${ctx.step === 'read' ? 'read the repository list' : 'get a registry token'}. Give it the AcrPull role on this registry (Access control (IAM) › Add role assignment › AcrPull).`,
    };
  }
  if (/challenge/i.test(errMessage(err))) {
    return { code: 'NOT_A_REGISTRY', field: 'address', message: `${host} answered, but not as an Azure Container Registry (no token challenge). Check the address.` };
  }
  if (status === 404) {
    return { code: 'NOT_A_REGISTRY', field: 'address', message: `${host} has no registry API (HTTP 404). Check the address: it should be the registry's login server, e.g. myregistry.azurecr.io.` };
  }
  if (status !== undefined && status >= 500) {
    return { code: 'UNREACHABLE', field: 'address', message: `${host} answered with a server error (HTTP ${status}). The registry may be having an outage; try again later.` };
  }
  return { code: 'ACCESS_DENIED', field: 'address', message: `${host} refused the request${status ? ` (HTTP ${status})` : ''}: ${errMessage(err).slice(0, 200)}` };
}
