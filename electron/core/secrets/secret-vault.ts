/** Where client secrets live. The only implementation users run is the OS keychain. */
export interface SecretVault {
  /** Throws AppError KEYCHAIN_UNAVAILABLE when the keychain cannot be reached. */
  set(account: string, secret: string): Promise<void>;
  /** null when no secret is stored for the account. */
  get(account: string): Promise<string | null>;
  /** true when a secret was deleted, false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Accounts that have a secret; one keychain query (used only by the start-up sweep). */
  accounts(): Promise<string[]>;
}

export const KEYCHAIN_SERVICE = 'nexus-registries';
