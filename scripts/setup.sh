#!/usr/bin/env bash
# setup.sh — install what cnnc needs from Debian 12, only what is missing.
# Usage: scripts/setup.sh [build|test|fuzz]...   (default: build)
# Quiet and quick when everything is already present. Needs root (or sudo) to install.
set -euo pipefail

want=(build-essential cmake pkg-config libopenblas-dev zlib1g-dev libpng-dev libjpeg62-turbo-dev libcjson-dev dataset-fashion-mnist)
for what in "${@:-build}"; do
  case "$what" in
    build) ;;
    data) want+=(nodejs npm) ;;
    test) want+=(googletest libgtest-dev python3 python3-torch python3-numpy nodejs npm openmpi-bin libopenmpi-dev) ;;
    fuzz) want+=(clang libclang-rt-14-dev) ;;
    *) echo "setup.sh: unknown component '$what' (build|data|test|fuzz)" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# The npm client is often installed outside Debian's package (nodejs from elsewhere): accept any npm.
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
  missing=("${missing[@]/#nodejs/}"); missing=("${missing[@]/#npm/}")
fi
pkgs=()
for p in "${missing[@]}"; do [ -n "$p" ] && pkgs+=("$p"); done
[ ${#pkgs[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup.sh: installing ${pkgs[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
