#!/usr/bin/env bash
# Fetch Debian's real package indices (Packages, Sources and Contents, component
# main, amd64) for every Debian release Wheelwright targets, each into its own
# private apt state, and that release's dh-python package (its PyPI name mapping):
#
#   DIR/<release>/sources.list   deb + deb-src lines for that release
#   DIR/<release>/lists/         apt's lists folder (InRelease, Packages, Sources,
#                                Contents-amd64 and Contents-all)
#   DIR/<release>/cache/         apt's cache folder
#   DIR/<release>/dh-python/     dh-python_<version>_all.deb and root/, its files
#                                (root/usr/share/dh-python/dist/cpython3_fallback)
#
# Contents is apt's Contents-deb index target (the one apt-file configures),
# declared on the command line here so the machine's apt configuration stays as
# it is.
#
# The archive URI and the signed-by keyring are taken from the machine's own
# /etc/apt/sources.list.d/debian.sources (first stanza that is not the security
# archive), so the indices are verified exactly like the machine's own.
#
# Usage: bash scripts/fetch-debian-indices.sh [DIR] [--refresh]
#   DIR defaults to .cache/debian inside the repository (gitignored).
#   An existing fetch (same sources.list, every index and dh-python present)
#   is reused; --refresh (or WHEELWRIGHT_REFRESH=1) runs apt-get update anyway.
#
# The machine's own apt state is never touched.
set -euo pipefail

RELEASES=(bullseye bookworm trixie)
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

DIR=""
REFRESH="${WHEELWRIGHT_REFRESH:-0}"
for arg in "$@"; do
  case "$arg" in
    --refresh) REFRESH=1 ;;
    -h|--help) sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option: $arg" >&2; exit 2 ;;
    *) DIR="$arg" ;;
  esac
done
DIR="${DIR:-$REPO_ROOT/.cache/debian}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"

# --- archive URI and keyring from the machine's own source ------------------
URI="http://deb.debian.org/debian"
KEYRING="/usr/share/keyrings/debian-archive-keyring.gpg"
MACHINE_SOURCES=/etc/apt/sources.list.d/debian.sources
if [[ -r "$MACHINE_SOURCES" ]]; then
  # deb822: stanzas separated by blank lines; keep the first whose URIs is not *-security.
  read -r m_uri m_key < <(awk '
    BEGIN { RS = ""; FS = "\n" }
    {
      uri = ""; key = "";
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^URIs:/)      { uri = $i; sub(/^URIs:[ \t]*/, "", uri); sub(/[ \t].*$/, "", uri) }
        if ($i ~ /^Signed-By:/) { key = $i; sub(/^Signed-By:[ \t]*/, "", key) }
      }
      if (uri != "" && uri !~ /security/) { print uri, (key == "" ? "-" : key); exit }
    }' "$MACHINE_SOURCES") || true
  if [[ -n "${m_uri:-}" ]]; then URI="$m_uri"; fi
  if [[ -n "${m_key:-}" && "${m_key}" != "-" ]]; then KEYRING="$m_key"; fi
else
  echo "note: $MACHINE_SOURCES not readable; using $URI and $KEYRING" >&2
fi
URI="${URI%/}"
echo "archive: $URI (signed-by $KEYRING)"
echo "target:  $DIR"

has_core() {
  # $1 = release dir; true when InRelease, a Packages file and a Sources file are present.
  local lists="$1/lists"
  compgen -G "$lists/*_dists_*_InRelease" >/dev/null &&
    compgen -G "$lists/*_main_binary-*_Packages*" >/dev/null &&
    compgen -G "$lists/*_main_source_Sources*" >/dev/null
}
has_contents() {
  compgen -G "$1/lists/*_main_Contents-amd64*" >/dev/null &&
    compgen -G "$1/lists/*_main_Contents-all*" >/dev/null
}
has_indices() { has_core "$1" && has_contents "$1"; }
has_dh_python() {
  compgen -G "$1/dh-python/dh-python_*_all.deb" >/dev/null &&
    [[ -f "$1/dh-python/root/usr/share/dh-python/dist/cpython3_fallback" ]]
}

apt_private() {
  # $1 = release dir; the rest: apt-get arguments. Only that release's private state is read or written.
  local rdir="$1"
  shift
  apt-get \
    -oDir::State::Lists="$rdir/lists" \
    -oDir::Cache="$rdir/cache" \
    -oDir::Etc::SourceList="$rdir/sources.list" \
    -oDir::Etc::SourceParts=/dev/null \
    -oAcquire::Languages=none \
    "${CONTENTS_OPTS[@]}" \
    "$@"
}

# apt's Contents-deb target; emptied for a retry when the archive's Contents does not match its InRelease (apt then
# keeps none of that update, not even Packages and Sources).
CONTENTS_OPTS=(
  -oAcquire::IndexTargets::deb::Contents-deb::MetaKey='$(COMPONENT)/Contents-$(ARCHITECTURE)'
  -oAcquire::IndexTargets::deb::Contents-deb::ShortDescription='Contents-$(ARCHITECTURE)'
  -oAcquire::IndexTargets::deb::Contents-deb::Description='$(RELEASE)/$(COMPONENT) $(ARCHITECTURE) Contents (deb)'
)

fetch_dh_python() {
  # $1 = release dir: download the release's dh-python .deb and unpack it into dh-python/root.
  local rdir="$1" out="$1/dh-python"
  mkdir -p "$out"
  rm -rf "$out/root"
  rm -f "$out"/dh-python_*_all.deb
  if ! (cd "$out" && apt_private "$rdir" download dh-python >"$out/download.log" 2>&1); then
    echo "$(basename "$rdir"): apt-get download dh-python FAILED; see $out/download.log" >&2
    return 1
  fi
  dpkg-deb -x "$out"/dh-python_*_all.deb "$out/root"
  echo "$(basename "$rdir"): unpacked $(basename "$out"/dh-python_*_all.deb) into $out/root"
}

status=0
for rel in "${RELEASES[@]}"; do
  rdir="$DIR/$rel"
  mkdir -p "$rdir/lists/partial" "$rdir/cache/archives/partial"
  want="deb [signed-by=$KEYRING] $URI $rel main
deb-src [signed-by=$KEYRING] $URI $rel main"
  same_list=0
  if [[ -f "$rdir/sources.list" ]] && [[ "$(cat "$rdir/sources.list")" == "$want" ]]; then
    same_list=1
  else
    printf '%s\n' "$want" >"$rdir/sources.list"
    echo "$rel: wrote $rdir/sources.list"
  fi

  if [[ "$REFRESH" != 1 && $same_list == 1 ]] && has_indices "$rdir"; then
    date_line="$(grep -m1 '^Date:' "$rdir"/lists/*_dists_"$rel"_InRelease 2>/dev/null || true)"
    echo "$rel: reusing existing fetch in $rdir/lists (${date_line:-no Date})"
    if ! has_dh_python "$rdir"; then fetch_dh_python "$rdir" || status=1; fi
    continue
  fi

  echo "$rel: apt-get update into $rdir/lists"
  if apt_private "$rdir" update >"$rdir/update.log" 2>&1; then
    echo "rc=0" >>"$rdir/update.log"
    sed 's/^/    /' "$rdir/update.log"
  else
    rc=$?
    echo "rc=$rc" >>"$rdir/update.log"
    # apt keeps the indices it could not refresh; what is missing decides below.
    echo "$rel: apt-get update FAILED (rc=$rc); see $rdir/update.log" >&2
    grep -E '^(E|W):' "$rdir/update.log" | sed 's/^/    /' >&2 || true
  fi
  if ! has_core "$rdir" && grep -q 'Contents-' "$rdir/update.log"; then
    echo "$rel: retrying without the Contents index"
    saved=("${CONTENTS_OPTS[@]}")
    CONTENTS_OPTS=()
    apt_private "$rdir" update >>"$rdir/update.log" 2>&1 || echo "$rel: apt-get update without Contents FAILED too" >&2
    CONTENTS_OPTS=("${saved[@]}")
  fi
  if ! has_core "$rdir"; then
    echo "$rel: InRelease, Packages or Sources missing; see $rdir/update.log" >&2
    status=1
    continue
  fi
  if ! has_contents "$rdir"; then
    # The derived knowledge still builds without it (no console scripts, programs judged by name); it says so.
    echo "$rel: WARNING: no verified Contents index (the archive's did not match its InRelease); derived data will record it" >&2
  fi
  fetch_dh_python "$rdir" || status=1
done

exit $status
