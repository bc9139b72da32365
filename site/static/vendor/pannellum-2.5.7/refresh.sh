#!/usr/bin/env bash
# Refreshes this folder from the npm registry: the exact command that produced it.
# Usage (from anywhere): bash site/static/vendor/pannellum-2.5.7/refresh.sh
# For another version, copy this folder to pannellum-<version>/, change VERSION,
# run it, then update the paths in tours/templates/tours/tour_base.html.
set -euo pipefail
VERSION=2.5.7
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "pannellum@${VERSION}" >/dev/null && tar xzf "pannellum-${VERSION}.tgz")
cp "$work/package/build/pannellum.js" "$work/package/build/pannellum.css" "$here/"
cp "$work/package/COPYING" "$here/LICENSE"
sha256sum "$here/pannellum.js" "$here/pannellum.css" | sed "s#$here/##" > "$here/SHA256SUMS"
