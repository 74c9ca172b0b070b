// Azure AD authority hosts a registry can sign in against. Values match @azure/identity's
// AzureAuthorityHosts; any other https URL (Azure Stack, a test server) is "custom".

export const PUBLIC_CLOUD_AUTHORITY = 'https://login.microsoftonline.com';

export const KNOWN_AUTHORITY_HOSTS = [
  { id: 'public', label: 'Azure public cloud', url: PUBLIC_CLOUD_AUTHORITY },
  { id: 'usgov', label: 'Azure US Government', url: 'https://login.microsoftonline.us' },
  { id: 'china', label: 'Azure China (21Vianet)', url: 'https://login.chinacloudapi.cn' },
] as const;

/**
 * MSAL has endpoint metadata for these hosts built in. For every other host, instance discovery
 * must be disabled, or MSAL first calls the public cloud (fatal on an isolated network).
 */
export function isBuiltInAuthority(url: string): boolean {
  return KNOWN_AUTHORITY_HOSTS.some((h) => h.url === url);
}
