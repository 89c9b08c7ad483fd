# Shared by scripts/serve, scripts/test and scripts/bench: paths and an idempotent bootstrap that
# installs every tool from package registries only (crates.io, npm, Debian). A second run on a
# ready machine only checks versions and takes seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION="0.21.14"
WASM_SPLIT_VERSION="0.2.4"

log() { printf '\033[1m[ketamine-guide]\033[0m %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

bootstrap() {
  local started=$SECONDS
  # Browsers, drivers and brotli (size reports) from Debian: Chromium for every test layer;
  # Firefox ESR and WebKitGTK (its WebKitWebDriver and MiniBrowser, run under Xvfb) for the
  # cross-engine smoke suite (e2e/cross-engine.test.mjs).
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} (apt)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi

  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (cargo, ~5 min cold)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi

  # wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or both the build and
  # wasm-bindgen-test-runner fail. (No --locked: the registry lacks one locked dependency.)
  local wbg
  wbg="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)"
  if [ -z "$wbg" ]; then log "Cargo.lock names no wasm-bindgen"; exit 1; fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
    log "installing wasm-bindgen-cli $wbg (cargo, ~2 min cold)"
    cargo install wasm-bindgen-cli --version "$wbg" --force
  fi
  # Cuts the release wasm into the first view's module and per-tool chunks (tools/post-build.mjs).
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "installing wasm-split-cli $WASM_SPLIT_VERSION (cargo, ~2 min cold)"
    cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  fi
  if ! grep -q "^wasm_bindgen = \"$wbg\"" Trunk.toml; then
    log "Trunk.toml [tools] wasm_bindgen must be \"$wbg\" (the version in Cargo.lock)"; exit 1
  fi

  # npm tools (wasm-opt from binaryen, playwright-core, axe-core, puppeteer-core and
  # selenium-webdriver for the other engines), exactly as locked.
  local stamp="node_modules/.kg-lock.sha256" want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
  local opt
  opt="$(wasm-opt --version 2>/dev/null | sed -n 's/.*(\(version_[0-9]*\)).*/\1/p')"
  if ! grep -q "^wasm_opt = \"$opt\"" Trunk.toml; then
    log "Trunk.toml [tools] wasm_opt must match wasm-opt on PATH ($opt)"; exit 1
  fi
  log "tools ready ($((SECONDS - started)) s)"
}

build_release() {
  log "building the release bundle into dist/"
  # Panic locations name each crate's source file, under the folder where cargo keeps the
  # registry's sources (CARGO_HOME). Written as `crates/...` instead, the bundle is the same on
  # every machine, whatever that folder is, and smaller. RUSTFLAGS replaces the target's
  # rustflags in .cargo/config.toml, so it repeats them.
  local flags="-C link-arg=--emit-relocs" src
  for src in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    flags+=" --remap-path-prefix=${src%/}=crates"
  done
  RUSTFLAGS="$flags" trunk build --release
}
