import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import { AppError } from '../app-error';
import { KEYCHAIN_SERVICE, type SecretVault } from './secret-vault';

/** What to do when the keychain cannot be reached, for the OS the user is on. */
function unavailableHint(): string {
  switch (process.platform) {
    case 'linux':
      return 'Nexus Registries stores client secrets in a Secret Service keyring. Install and start one in your desktop session (GNOME Keyring: apt install gnome-keyring; or KWallet), make sure it is unlocked, and try again. Secrets are never stored in plain text.';
    case 'darwin':
      return 'Nexus Registries stores client secrets in the macOS Keychain. Unlock your login keychain (Keychain Access) and try again.';
    case 'win32':
      return 'Nexus Registries stores client secrets in Windows Credential Manager. Make sure you are signed in to a user session that can use Credential Manager, and try again.';
    default:
      return 'Nexus Registries stores client secrets in the OS keychain; start or unlock it and try again.';
  }
}

function wrap(err: unknown, action: string): AppError {
  const detail = err instanceof Error ? err.message : String(err);
  return new AppError('KEYCHAIN_UNAVAILABLE', `Could not ${action} the OS keychain (${detail}). ${unavailableHint()}`, 'clientSecret', { cause: err });
}

/**
 * The OS keychain through @napi-rs/keyring: macOS Keychain, Windows Credential Manager, Linux
 * Secret Service. Uses the async API so a slow keychain (an unlock prompt) never blocks the
 * Electron main process. Never falls back to plain text.
 */
export class KeychainVault implements SecretVault {
  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  private entry(account: string): AsyncEntry {
    // Linux: pin to the Secret Service. keyutils (the other Linux store) forgets secrets at logout.
    return new AsyncEntry(this.service, account, { linux: { store: 'secret-service' } });
  }

  async set(account: string, secret: string): Promise<void> {
    try {
      await this.entry(account).setPassword(secret);
    } catch (err) {
      throw wrap(err, 'write to');
    }
  }

  async get(account: string): Promise<string | null> {
    try {
      return await this.entry(account).getPassword();
    } catch (err) {
      throw wrap(err, 'read from');
    }
  }

  async delete(account: string): Promise<boolean> {
    try {
      return await this.entry(account).deleteCredential();
    } catch (err) {
      throw wrap(err, 'delete from');
    }
  }

  async accounts(): Promise<string[]> {
    try {
      return (await findCredentialsAsync(this.service)).map((c) => c.account);
    } catch (err) {
      throw wrap(err, 'list');
    }
  }
}
