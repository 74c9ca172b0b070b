// Numbered, append-only schema migrations. Never edit a released one: add the next number.
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'registries and their keychain write intents',
    sql: `
      CREATE TABLE registries (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        name_key        TEXT NOT NULL UNIQUE,
        type            TEXT NOT NULL CHECK (type IN ('acr')),
        address         TEXT NOT NULL,
        tenant_id       TEXT NOT NULL,
        client_id       TEXT NOT NULL,
        authority_host  TEXT NOT NULL,
        ca_certificate  TEXT,
        is_default      INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        secret_stored   INTEGER NOT NULL DEFAULT 1 CHECK (secret_stored IN (0, 1)),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        last_validation TEXT
      ) STRICT;
      -- At most one default; "at least one" is kept by the service.
      CREATE UNIQUE INDEX registries_one_default ON registries (is_default) WHERE is_default = 1;

      -- A keychain write or delete in flight. Committed before the keychain is touched, removed in
      -- the same transaction as the row change; a crash leaves it behind for reconcile() to finish.
      CREATE TABLE secret_intents (
        registry_id TEXT PRIMARY KEY,
        op          TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
        pid         INTEGER NOT NULL,
        host        TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
    `,
  },
];
