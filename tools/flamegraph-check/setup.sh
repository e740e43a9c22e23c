#!/usr/bin/env bash
# Installs the two real flame-graph tools used by check.sh, locally (nothing global):
#  1. speedscope (npm, pinned in package.json / package-lock.json) -> ./node_modules
#  2. Brendan Gregg's flamegraph.pl, as shipped by Debian in libdevel-nytprof-perl
#     (Devel::NYTProf bundles flamegraph.pl). The .deb is downloaded and unpacked
#     into ./.deps (no dpkg install, no root needed if apt lists are present).
# Idempotent: re-running is cheap.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

DEB_PKG=libdevel-nytprof-perl
DEB_VER=6.12+dfsg-1
FG_REL=usr/share/perl5/Devel/NYTProf/flamegraph.pl

if [ ! -d node_modules/speedscope ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

if [ ! -f ".deps/root/$FG_REL" ]; then
  mkdir -p .deps
  (
    cd .deps
    rm -f ./*.deb
    if ! apt-get download "$DEB_PKG=$DEB_VER" >/dev/null 2>&1; then
      # apt lists missing or stale: refresh them (needs root, as in CI) and retry
      apt-get update -qq >/dev/null
      apt-get download "$DEB_PKG=$DEB_VER" >/dev/null 2>&1
    fi
    dpkg-deb -x ./*.deb root
  )
fi
test -f ".deps/root/$FG_REL"
echo "flamegraph-check setup ok: speedscope $(node -p 'require("./node_modules/speedscope/package.json").version'), flamegraph.pl from $DEB_PKG $DEB_VER"
