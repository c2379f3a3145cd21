#!/usr/bin/env bash
# Installs what the browser end-to-end test needs: Debian's chromium.
# The test itself (TestServe_Browser in cmd/dyad/serve_test.go) is plain Go
# (chromedp), so `go test ./cmd/dyad` runs it once chromium is present; it
# skips with a message when chromium is absent.
#
# Usage: .ci/browser.sh [--run]
#   without arguments: install chromium (needs root or sudo) and print its path.
#   --run: also run the browser test, saving screenshots into
#          $DYAD_ARTIFACTS (default: ./artifacts/browser).
# Environment: DYAD_CHROMIUM overrides the browser the test starts.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

if ! command -v chromium >/dev/null 2>&1; then
	$SUDO apt-get update
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
fi
command -v chromium
chromium --version || true

if [ "${1:-}" = "--run" ]; then
	export DYAD_ARTIFACTS="${DYAD_ARTIFACTS:-$PWD/artifacts/browser}"
	mkdir -p "$DYAD_ARTIFACTS"
	go test -count=1 -run 'TestServe_Browser' -v ./cmd/dyad
	echo "screenshots in $DYAD_ARTIFACTS"
fi
