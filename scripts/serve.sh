#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), builds the release app into dist/ (scripts/build.sh) and serves it on 127.0.0.1.
#
# Usage: scripts/serve.sh [PORT]   (default 8080; PORT=0 picks a free port)
# The app is served by scripts/static-server.mjs, the same tiny static server the end-to-end
# tests use, so what you see is what a static host would serve (service worker included).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${1:-${PORT:-8080}}"

bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$(npm prefix -g)/bin:$PATH"

echo
echo "==> serve: bash scripts/build.sh"
bash scripts/build.sh

echo
exec node scripts/static-server.mjs dist --host 127.0.0.1 --port "$PORT"
