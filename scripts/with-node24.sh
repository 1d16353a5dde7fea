#!/bin/sh
# Runs the given command with Node.js >= 22.12 first on PATH. When the machine's Node is older,
# Node 24 LTS comes from the npm registry (the `node` package ships the binary) and is cached
# under the home directory, so a fresh machine needs nothing installed by hand.
set -eu

cache_dir="${ROLLCALL_CACHE_DIR:-$HOME/.cache/rollcall}/node-24"

node_is_recent() {
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}

if ! command -v node >/dev/null 2>&1 || ! node_is_recent node; then
  if [ ! -x "$cache_dir/node_modules/.bin/node" ] || ! node_is_recent "$cache_dir/node_modules/.bin/node"; then
    echo "with-node24: installing Node 24 from the npm registry into $cache_dir" >&2
    mkdir -p "$cache_dir"
    printf '{"name":"rollcall-node-toolchain","private":true,"allowScripts":{"node":true}}\n' > "$cache_dir/package.json"
    (cd "$cache_dir" && npm install --no-save --no-audit --no-fund --loglevel=error node@24 >&2)
  fi
  PATH="$cache_dir/node_modules/.bin:$PATH"
  export PATH
fi

exec "$@"
