#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the HTML report's browser tests.
# Idempotent and quiet: does nothing when it is already there; installs it with apt-get otherwise
# (needs root, or passwordless sudo). Exits non-zero only when chromium is still missing afterwards.
set -u
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "ensure-chromium: $CHROMIUM is missing and this user cannot run apt-get" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and there is no apt-get to install it" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 ||
  $SUDO apt-get install -y -qq chromium >/dev/null 2>&1

if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "ensure-chromium: apt-get could not install chromium" >&2
exit 1
