#!/usr/bin/env bash
# Installs what the end-to-end tests need to run the packaged extension in a real VS Code:
# code-server 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) from the npm registry, built by
# hand because its own postinstall downloads ripgrep from GitHub, plus Debian's Chromium and ripgrep.
# See /work/shared/E2E.md. Idempotent: every step is skipped when already done, and a marker file
# records a complete install.
#
#   scripts/setup-e2e.sh            # install (or check) into ${RUBRIC_E2E_CACHE:-$HOME/.cache/rubric-e2e}
#   RUBRIC_E2E_FORCE=1 scripts/...  # throw the cached code-server away and reinstall it
#
# Prints the code-server directory on its last line; test/e2e/codeServer.ts finds it by the same rule.
# Runs as root on a fresh Debian 12 machine (uses sudo for apt when not root and sudo exists).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE=${RUBRIC_E2E_CACHE:-$HOME/.cache/rubric-e2e}
DEST="$CACHE/code-server-$CODE_SERVER_VERSION"
MARKER="$DEST/.rubric-e2e-ready"
START=$(date +%s)

step() { printf '[setup-e2e %3ds] %s\n' "$(( $(date +%s) - START ))" "$*"; }
die() { printf '[setup-e2e] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'die "failed at line $LINENO (exit $?): $BASH_COMMAND"' ERR

# Quiet npm: no audit/fund chatter, no progress bars; errors still surface.
export npm_config_audit=false npm_config_fund=false npm_config_progress=false npm_config_update_notifier=false
export npm_config_loglevel=error
# Native modules are built from source against Node's own headers (node-gyp); as root npm would
# otherwise run scripts as 'nobody' in some versions.
export npm_config_unsafe_perm=true

command -v node >/dev/null || die "node is not installed"
command -v npm >/dev/null || die "npm is not installed"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" -ge 20 ] || die "Node >= 20 required (found $(node --version))"

# ---- 1. Debian packages -----------------------------------------------------------------------
APT_PKGS=(libkrb5-dev ripgrep chromium)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${missing[*]}"
    SUDO="sudo"
  fi
  step "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  mkdir -p "$CACHE"
  # Output goes to a log (debconf chatter included); shown only when apt fails.
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
       >"$CACHE/apt.log" 2>&1; then
    tail -n 30 "$CACHE/apt.log" >&2
    die "apt-get failed (full log: $CACHE/apt.log)"
  fi
else
  step "apt packages present (${APT_PKGS[*]})"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after apt install"
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing after apt install"

# ---- fast path ------------------------------------------------------------------------------------
if [ "${RUBRIC_E2E_FORCE:-}" = 1 ]; then
  step "RUBRIC_E2E_FORCE=1: removing $DEST"
  rm -rf "$DEST"
fi
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$CODE_SERVER_VERSION node$NODE_MAJOR" ] \
   && [ -f "$DEST/out/node/entry.js" ]; then
  step "code-server $CODE_SERVER_VERSION already installed"
  echo "$DEST"
  exit 0
fi
rm -f "$MARKER"

# ---- 2. npm pack + unpack (outside the repository) ---------------------------------------------
mkdir -p "$CACHE"
if [ ! -f "$DEST/package.json" ]; then
  step "npm pack code-server@$CODE_SERVER_VERSION"
  TMP=$(mktemp -d "$CACHE/.pack.XXXXXX")
  (cd "$TMP" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null)
  TGZ=$(ls "$TMP"/code-server-*.tgz)
  tar -xzf "$TGZ" -C "$TMP"
  rm -rf "$DEST"
  mv "$TMP/package" "$DEST"
  rm -rf "$TMP"
else
  step "code-server package already unpacked"
fi
cd "$DEST"

# ---- 3. dependencies, native rebuilds, symlinks ----------------------------------------------
# Each install is skipped when its node_modules already holds a module we know it brings.
if [ ! -d node_modules/argon2 ]; then
  step "npm install (code-server root)"
  npm install --omit=dev --ignore-scripts --no-save >/dev/null
fi
if [ ! -f node_modules/argon2/.rubric-built ]; then
  step "npm rebuild argon2"
  npm rebuild argon2 >/dev/null
  touch node_modules/argon2/.rubric-built
fi

cd "$DEST/lib/vscode"
if [ ! -d node_modules/@vscode/spdlog ]; then
  step "npm install (lib/vscode, takes a while)"
  npm install --omit=dev --ignore-scripts --no-save >/dev/null
fi
if [ ! -f node_modules/.rubric-native-built ]; then
  step "npm rebuild native modules (spdlog node-pty native-watchdog kerberos deviceid parcel/watcher)"
  # node-pty's optional step (it runs `npx node-gyp` for a helper) prints an error and may exit
  # non-zero although its pty.node is built; check the artefacts instead of trusting the exit code.
  npm rebuild @vscode/spdlog node-pty native-watchdog kerberos @vscode/deviceid @parcel/watcher \
    >"$CACHE/rebuild.log" 2>&1 || step "npm rebuild exited non-zero (expected from node-pty), checking artefacts"
  for f in node_modules/@vscode/spdlog/build/Release/spdlog.node \
           node_modules/node-pty/build/Release/pty.node \
           node_modules/kerberos/build/Release/kerberos.node; do
    [ -f "$f" ] || die "native module missing after rebuild: lib/vscode/$f (see $CACHE/rebuild.log)"
  done
  touch node_modules/.rubric-native-built
fi
if [ ! -e node_modules/@vscode/ripgrep/bin/rg ]; then
  step "symlink /usr/bin/rg into @vscode/ripgrep"
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
fi
if [ ! -e node_modules.asar ]; then
  ln -s node_modules node_modules.asar
fi

cd "$DEST/lib/vscode/extensions"
if [ ! -d node_modules/typescript ]; then
  step "npm install (lib/vscode/extensions: built-in extensions' dependencies)"
  npm install --omit=dev --ignore-scripts --no-save >/dev/null
fi

# ---- 4. smoke check: the server starts and answers -------------------------------------------
cd "$DEST"
step "smoke check: node out/node/entry.js --version"
# XDG dirs in a temp folder: code-server otherwise creates ~/.config/code-server/config.yaml.
SMOKE=$(mktemp -d)
XDG_CONFIG_HOME=$SMOKE XDG_DATA_HOME=$SMOKE node out/node/entry.js --version >/dev/null \
  || { rm -rf "$SMOKE"; die "code-server does not start"; }
rm -rf "$SMOKE"

echo "$CODE_SERVER_VERSION node$NODE_MAJOR" >"$MARKER"
step "done: code-server $CODE_SERVER_VERSION ready in $DEST ($(du -sh "$DEST" | cut -f1))"
echo "$DEST"
