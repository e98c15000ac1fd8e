#!/usr/bin/env bash
# Installs what the browser tests drive: Debian's Chromium and Firefox ESR.
# Skips what is there already; without apt-get or root it only says what is missing.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/lib/chromium/chromium}" ] || missing+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="none"; fi
fi
if ! command -v apt-get >/dev/null || [ "$SUDO" = "none" ]; then
  echo "The browser tests need: ${missing[*]}. Install them (Debian: apt-get install ${missing[*]})," >&2
  echo "or point CHROMIUM_PATH and FIREFOX_PATH at other builds." >&2
  exit 0
fi
echo "Installing ${missing[*]} for the browser tests…"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
