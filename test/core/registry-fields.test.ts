import { describe, expect, it } from 'vitest';
import { checkAddress, checkAuthorityHost, checkCaPem, checkClientId, checkName, checkSecret, checkTenantId, nameKey } from '../../electron/common/registry-fields';

describe('registry field rules', () => {
  it('trims names and bounds them to 64 characters', () => {
    expect(checkName('  Production  ')).toEqual({ ok: true, value: 'Production' });
    expect(checkName('x'.repeat(64)).ok).toBe(true);
    expect(checkName('x'.repeat(65))).toMatchObject({ ok: false, field: 'name' });
    expect(checkName('   ')).toMatchObject({ ok: false, field: 'name', message: expect.stringContaining('required') });
    expect(checkName(42)).toMatchObject({ ok: false, field: 'name' });
    expect(checkName('bad\nname')).toMatchObject({ ok: false, field: 'name' });
  });

  it('compares names ignoring case', () => {
    expect(nameKey('ProdUCTION')).toBe(nameKey('production'));
    expect(nameKey('Ärzte')).toBe(nameKey('ärzte'));
  });

  it.each([
    ['myreg.azurecr.io', 'https://myreg.azurecr.io'],
    ['https://MyReg.AzureCR.io/', 'https://myreg.azurecr.io'],
    ['  https://myreg.azurecr.io  ', 'https://myreg.azurecr.io'],
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443'],
    ['registry.internal:5000', 'https://registry.internal:5000'],
  ])('normalises the address %s to %s', (input, expected) => {
    expect(checkAddress(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'required'],
    ['http://myreg.azurecr.io', 'https'],
    ['ftp://myreg.azurecr.io', 'https'],
    ['https://myreg.azurecr.io/v2/path', 'without a path'],
    ['https://user:pw@myreg.azurecr.io', 'credentials'],
    ['https://myreg.azurecr.io?x=1', 'query'],
    ['https://my reg.azurecr.io', 'not a valid URL'],
  ])('refuses the address %j', (input, words) => {
    const r = checkAddress(input);
    expect(r).toMatchObject({ ok: false, field: 'address' });
    expect(r.ok ? '' : r.message).toContain(words);
  });

  it('accepts a tenant GUID or verified domain, lower-cased', () => {
    expect(checkTenantId('11111111-2222-3333-4444-55555555555A')).toEqual({ ok: true, value: '11111111-2222-3333-4444-55555555555a' });
    expect(checkTenantId('Contoso.onmicrosoft.com')).toEqual({ ok: true, value: 'contoso.onmicrosoft.com' });
    for (const bad of ['', 'contoso', '1111-2222', 'bad tenant!', 'x'.repeat(300)]) expect(checkTenantId(bad)).toMatchObject({ ok: false, field: 'tenantId' });
  });

  it('requires the client ID to be a GUID', () => {
    expect(checkClientId('AAAAAAAA-bbbb-cccc-dddd-eeeeeeeeeeee')).toEqual({ ok: true, value: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
    for (const bad of ['', 'my-app', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeeeX', null]) expect(checkClientId(bad)).toMatchObject({ ok: false, field: 'clientId' });
  });

  it('keeps secrets verbatim and refuses empty, huge or multi-line ones', () => {
    expect(checkSecret(' a b ')).toEqual({ ok: true, value: ' a b ' });
    expect(checkSecret('')).toMatchObject({ ok: false, field: 'clientSecret' });
    expect(checkSecret('x'.repeat(1025))).toMatchObject({ ok: false, field: 'clientSecret' });
    expect(checkSecret('a\nb')).toMatchObject({ ok: false, field: 'clientSecret' });
  });

  it('defaults the authority host to the public cloud and refuses http', () => {
    expect(checkAuthorityHost(undefined)).toEqual({ ok: true, value: 'https://login.microsoftonline.com' });
    expect(checkAuthorityHost('https://adfs.local/adfs/')).toEqual({ ok: true, value: 'https://adfs.local/adfs' });
    expect(checkAuthorityHost('http://login.microsoftonline.com')).toMatchObject({ ok: false, field: 'authorityHost' });
  });

  it('accepts PEM text only as a CA certificate', () => {
    expect(checkCaPem('')).toEqual({ ok: true, value: null });
    expect(checkCaPem('hello')).toMatchObject({ ok: false, field: 'caCertificate' });
  });
});
