export const USAGE = `Usage: nexus-registries [--data-dir DIR] COMMAND

Manage the container registries the Nexus platform pulls module images from.

Commands:
  list [--json]                          List registries
  show NAME|ID [--json]                  Show one registry
  add --name N --type acr --address URL --tenant-id T --client-id C --client-secret-stdin
      [--authority-host URL] [--ca-file PEM] [--timeout SECONDS]
                                         Validate, then save a new registry
  edit NAME|ID [--name N] [--address URL] [--tenant-id T] [--client-id C]
      [--client-secret-stdin] [--authority-host URL] [--ca-file PEM | --no-ca] [--timeout SECONDS]
                                         Change a registry (connection changes are validated first)
  validate NAME|ID | --all [--json] [--timeout SECONDS]
                                         Re-check stored registries
  set-default NAME|ID                    Make a registry the default
  delete NAME|ID --yes                   Delete a registry (never the default)

Options:
  --data-dir DIR   Data folder (default: the app's; env NEXUS_REGISTRIES_DATA_DIR)
  -h, --help       Show this help
  --version        Show the version

The client secret is read from standard input only (never from arguments), e.g.
  printf '%s' "$SECRET" | nexus-registries add ... --client-secret-stdin

Exit codes: 0 done, 1 validation or runtime failure, 2 usage or invalid input,
3 not found, 4 refused by a rule (name taken, default undeletable).`;
