#!/usr/bin/env bash
# Run a command with a private, unlocked Secret Service, so tests use a real keychain on a
# headless Linux machine and never touch the developer's own keyring. Elsewhere (macOS,
# Windows) the OS keychain is used as it is.
set -euo pipefail
if [ "$(uname -s)" != "Linux" ] || [ -n "${NEXUS_TEST_KEYRING:-}" ]; then
  exec "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is missing. Install the test packages: sudo apt-get install dbus-x11 gnome-keyring libsecret-tools" >&2
    exit 1
  fi
done
# A fresh XDG_DATA_HOME: an old keyring there would be locked with another password and
# silently return nothing.
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME NEXUS_TEST_KEYRING=private
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
# dbus-daemon warns that it cannot raise its fd limit when not started by systemd: harmless, hidden.
dbus-run-session -- bash -c 'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' with-keyring "$@" \
  2> >(grep -v --line-buffered 'Failed to set fd limit' >&2)
