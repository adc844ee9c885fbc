#!/usr/bin/env bash
# Makes sure Debian's chromium (driven by playwright-core in the browser tests) and a CJK font
# (so screenshots show Chinese instead of empty boxes) are installed.
# Idempotent and silent when both are already present.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: missing ${missing[*]}; run as root or install them with apt-get" >&2
  exit 1
fi

echo "ensure-chromium: installing ${missing[*]} from the Debian mirrors..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
