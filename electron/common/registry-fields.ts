// Field rules shared by the engine (which enforces them) and the form (which mirrors them,
// so a user sees the same message inline before asking the engine). No Node, no DOM.
import type { FieldName } from './errors';
import { PUBLIC_CLOUD_AUTHORITY } from './authority-hosts';

export type FieldCheck<T = string> = { ok: true; value: T } | { ok: false; field: FieldName; message: string };

export const NAME_MAX = 64;
export const SECRET_MAX = 1024;
export const CA_PEM_MAX = 64 * 1024;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A DNS name with at least two labels, e.g. contoso.onmicrosoft.com (Azure AD "verified domain").
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;

const fail = (field: FieldName, message: string): FieldCheck<never> => ({ ok: false, field, message });

export function checkName(raw: unknown): FieldCheck {
  if (typeof raw !== 'string' || raw.trim() === '') return fail('name', 'Registry Name is required.');
  const value = raw.trim();
  if ([...value].length > NAME_MAX) return fail('name', `Registry Name must be at most ${NAME_MAX} characters.`);
  if (CONTROL.test(value)) return fail('name', 'Registry Name must not contain control characters.');
  return { ok: true, value };
}

/** The key under which names are unique: case-insensitive, Unicode-aware. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Normalise a registry address to `https://host[:port]`: scheme added when missing, host
 * lower-cased, no path, query, credentials or trailing slash. Plain http is refused because the
 * Azure SDK refuses to send bearer tokens over it.
 */
export function checkAddress(raw: unknown, field: FieldName = 'address', label = 'Registry Address'): FieldCheck {
  if (typeof raw !== 'string' || raw.trim() === '') return fail(field, `${label} is required, e.g. https://myregistry.azurecr.io.`);
  const text = raw.trim();
  if (/^http:\/\//i.test(text)) return fail(field, `${label} must use https; plain http is refused.`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail(field, `${label} is not a valid URL. Use the form https://myregistry.azurecr.io.`);
  }
  if (url.protocol !== 'https:') return fail(field, `${label} must be an https URL.`);
  if (url.username || url.password) return fail(field, `${label} must not contain credentials; enter them in Client ID and Client Secret.`);
  if (url.search || url.hash || /[?#]/.test(text)) return fail(field, `${label} must not have a query or fragment.`);
  if (url.pathname !== '/' && url.pathname !== '') return fail(field, `${label} must be the registry's host only, without a path (e.g. https://myregistry.azurecr.io).`);
  if (!url.hostname) return fail(field, `${label} must name a host.`);
  return { ok: true, value: `https://${url.host}` };
}

export function checkTenantId(raw: unknown): FieldCheck {
  if (typeof raw !== 'string' || raw.trim() === '') return fail('tenantId', 'Tenant ID is required: the directory (tenant) ID or a verified domain such as contoso.onmicrosoft.com.');
  const value = raw.trim();
  if (!GUID.test(value) && !DOMAIN.test(value)) {
    return fail('tenantId', 'Tenant ID must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) or a verified domain such as contoso.onmicrosoft.com.');
  }
  return { ok: true, value: value.toLowerCase() };
}

export function checkClientId(raw: unknown): FieldCheck {
  if (typeof raw !== 'string' || raw.trim() === '') return fail('clientId', 'Client ID is required: the application (client) ID of the service principal.');
  const value = raw.trim();
  if (!GUID.test(value)) return fail('clientId', 'Client ID must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx): the application (client) ID, not its name.');
  return { ok: true, value: value.toLowerCase() };
}

/** Secrets are kept verbatim (no trimming inside), but may not be empty or contain line breaks. */
export function checkSecret(raw: unknown): FieldCheck {
  if (typeof raw !== 'string' || raw === '') return fail('clientSecret', 'Client Secret is required: the secret value of the service principal.');
  if (raw.length > SECRET_MAX) return fail('clientSecret', `Client Secret must be at most ${SECRET_MAX} characters.`);
  if (CONTROL.test(raw)) return fail('clientSecret', 'Client Secret must not contain line breaks or control characters.');
  return { ok: true, value: raw };
}

/** Authority host: an https URL; a path is allowed (Azure Stack's ADFS lives under /adfs). */
export function checkAuthorityHost(raw: unknown): FieldCheck {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: PUBLIC_CLOUD_AUTHORITY };
  if (typeof raw !== 'string') return fail('authorityHost', 'Authority host must be an https URL.');
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('authorityHost', 'Authority host is not a valid URL, e.g. https://login.microsoftonline.com.');
  }
  if (url.protocol !== 'https:') return fail('authorityHost', 'Authority host must use https (Azure AD refuses anything else).');
  if (url.username || url.password || url.search || url.hash) return fail('authorityHost', 'Authority host must not contain credentials, a query or a fragment.');
  return { ok: true, value: `https://${url.host}${url.pathname.replace(/\/+$/, '')}` };
}

/** A PEM bundle of one or more certificates. Parsing proper happens in the engine. */
export function checkCaPem(raw: unknown): FieldCheck<string | null> {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  if (typeof raw !== 'string') return fail('caCertificate', 'CA certificate must be PEM text.');
  if (raw.length > CA_PEM_MAX) return fail('caCertificate', 'CA certificate is too large (at most 64 KiB of PEM).');
  if (!raw.includes('-----BEGIN CERTIFICATE-----')) return fail('caCertificate', 'CA certificate must be PEM text starting with -----BEGIN CERTIFICATE-----.');
  return { ok: true, value: raw.trim() + '\n' };
}
