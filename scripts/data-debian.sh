#!/usr/bin/env bash
# Regenerate every file made from Debian's indices: fetch (or reuse) the indices, then the snapshot and weights
# (scripts/build-debian-snapshot.ts), then the derived knowledge layer (scripts/derive-knowledge.ts), then triage's
# file → package table (scripts/triage-files.ts).
#
# A release whose Contents index apt could not verify takes its console scripts from the committed table of its .deb
# files (scripts/debian/data/deb-scripts-<release>.json). That table is an input here, like the indices: it is made
# by its own command, `npm run data:deb-scripts` (downloads every python3-* .deb, about 2 GB), never by this one.
#
# Usage: bash scripts/data-debian.sh [--check] [--refresh]
#   --check    write nothing; exit 1 when a committed file differs from what the indices give
#   --refresh  run apt-get update even when a fetch is present
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
check=()
fetch=()
for arg in "$@"; do
  case "$arg" in
    --check) check=(--check) ;;
    --refresh) fetch=(--refresh) ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
bash scripts/fetch-debian-indices.sh "${fetch[@]}"
status=0
npx tsx scripts/build-debian-snapshot.ts "${check[@]}" || status=1
npx tsx scripts/derive-knowledge.ts "${check[@]}" || status=1
npx tsx scripts/triage-files.ts "${check[@]}" || status=1
exit $status
