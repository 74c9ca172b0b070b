import type { Registry, ValidationStepName } from '../../electron/common/registry';

const STEP_LABELS: Record<ValidationStepName, string> = {
  reach: 'Reach the registry',
  'sign-in': 'Sign in to Azure AD',
  authorize: 'Get a registry token',
  read: 'Read the repository list',
};

export function stepLabel(step: ValidationStepName): string {
  return STEP_LABELS[step];
}

/** "just now", "5 min ago", "3 h ago", else a local date. */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

export interface ValidationBadge {
  text: string;
  color: 'success' | 'error' | 'warning' | 'default';
  icon: string;
  title: string;
}

export function validationBadge(r: Registry): ValidationBadge {
  if (!r.secretStored) return { text: 'Secret missing', color: 'warning', icon: 'mdi-key-alert', title: 'The client secret is not in the OS keychain. Edit the registry and enter it again.' };
  const v = r.lastValidation;
  if (!v) return { text: 'Never', color: 'default', icon: 'mdi-help-circle-outline', title: 'Not validated yet.' };
  if (v.ok) return { text: `OK · ${relativeTime(v.at)}`, color: 'success', icon: 'mdi-check-circle', title: `${v.message} (${new Date(v.at).toLocaleString()})` };
  return { text: `Failed: ${v.failedStep ? stepLabel(v.failedStep).toLowerCase() : 'validation'}`, color: 'error', icon: 'mdi-alert-circle', title: `${v.message} (${new Date(v.at).toLocaleString()})` };
}
