#!/usr/bin/env bash
# Installs what GaitLab and its tests need on a Debian/Ubuntu machine: ffmpeg (video), Chromium
# (e2e tests and PDF printing from the CLI), poppler-utils (PDF checks), fonts; then npm packages
# (including Node 24 from the npm registry) and the pose model weights.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in ffmpeg chromium poppler-utils fonts-dejavu-core fonts-liberation; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
if [ -f scripts/install-models.mjs ]; then
  npm run models
fi
