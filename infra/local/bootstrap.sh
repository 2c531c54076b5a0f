#!/usr/bin/env bash
# Everything `npm start` and `npm test` need on a fresh machine: OS packages (apt, as root) and the
# npm dependencies (installed when node_modules is missing or older than package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/../.."

bash infra/local/ensure-os-packages.sh

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "xiaojian: installing npm dependencies (npm ci) ..." >&2
  npm ci --no-audit --no-fund
fi
