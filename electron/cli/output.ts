import type { ErrorInfo, FieldName } from '../common/errors';
import { REGISTRY_TYPE_LABELS, type Registry, type StepEvent } from '../common/registry';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function formatTable(rows: Registry[]): string {
  if (rows.length === 0) return 'No registries yet. Add one with: nexus-registries add --help';
  const header = ['NAME', 'ADDRESS', 'TYPE', 'DEFAULT', 'LAST VALIDATION'];
  const cells = rows.map((r) => [r.name, r.address, REGISTRY_TYPE_LABELS[r.type], r.isDefault ? 'yes' : '', lastValidationText(r)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  return [header, ...cells].map((c) => c.map((v, i) => pad(v, widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

export function lastValidationText(r: Registry): string {
  if (!r.secretStored) return 'secret missing';
  const v = r.lastValidation;
  if (!v) return 'never';
  return v.ok ? `ok ${v.at}` : `failed at ${v.failedStep ?? '?'} ${v.at}`;
}

export function formatRegistry(r: Registry): string {
  const lines: [string, string][] = [
    ['Name', r.name],
    ['Id', r.id],
    ['Type', REGISTRY_TYPE_LABELS[r.type]],
    ['Address', r.address],
    ['Tenant ID', r.tenantId],
    ['Client ID', r.clientId],
    ['Client secret', r.secretStored ? 'stored in the OS keychain' : 'MISSING: enter it again with edit --client-secret-stdin'],
    ['Authority host', r.authorityHost],
    ['Extra CA', r.caCertificate ? 'yes' : 'no'],
    ['Default', r.isDefault ? 'yes' : 'no'],
    ['Created', r.createdAt],
    ['Updated', r.updatedAt],
    ['Last validation', r.lastValidation ? `${lastValidationText(r)} (${r.lastValidation.message})` : 'never'],
  ];
  return lines.map(([k, v]) => `${pad(k + ':', 17)}${v}`).join('\n');
}

/** Live step lines: "  ✓ reach      42 ms  Reached …". */
export function stepPrinter(io: Io): (e: StepEvent) => void {
  return (e) => {
    if (e.state === 'running') return;
    const mark = e.result.ok ? '✓' : '✗';
    io.out(`  ${mark} ${pad(e.step, 10)}${pad(`${e.result.durationMs} ms`, 9)}${e.result.message}`);
  };
}

/** The option a CLI user changes to fix a field. */
const FIELD_FLAGS: Record<FieldName, string> = {
  name: '--name',
  type: '--type',
  address: '--address',
  tenantId: '--tenant-id',
  clientId: '--client-id',
  clientSecret: '--client-secret-stdin',
  authorityHost: '--authority-host',
  caCertificate: '--ca-file',
  id: 'NAME|ID',
};

/** "error CODE: message", the message led by the option to fix when the error concerns one. */
export function errorLine(info: ErrorInfo): string {
  return `error ${info.code}: ${info.field ? `${FIELD_FLAGS[info.field]}: ` : ''}${info.message}`;
}
