/**
 * What the official images already contain, per Debian release: the facts the Debian snapshot
 * (scripts/build-debian-snapshot.ts) closes over and the derived knowledge (scripts/derive-knowledge.ts) subtracts
 * ("already in python:*-slim" is not a runtime need). Data only; pure and browser-safe.
 */
import type { DebianRelease } from "./types";

/**
 * What the python:<ver>-slim-<release> images keep besides the debian-slim base:
 * the packages they install explicitly plus the packages owning the shared
 * libraries CPython links to (union over the Python versions still built; some
 * are version-dependent: libzstd1 3.14+, libnsl2/libtirpc3/libcrypt1 ≤ 3.12).
 * Source: docker-library/python Dockerfiles, summarised in
 * /work/shared/data/python-images.json (slim_image_contents). Bullseye is derived
 * the same way (libssl1.1, libffi7; libc6-dev pulls libnsl-dev there as in bookworm).
 */
export const PYTHON_SLIM_RUNTIME: Record<DebianRelease, readonly string[]> = {
  bullseye: [
    "ca-certificates", "netbase", "tzdata",
    "libssl1.1", "libsqlite3-0", "libffi7", "libbz2-1.0", "liblzma5", "libreadline8", "libncursesw6",
    "libtinfo6", "libgdbm6", "libgdbm-compat4", "libdb5.3", "libuuid1", "zlib1g", "libzstd1",
    "libnsl2", "libtirpc3", "libcrypt1",
  ],
  bookworm: [
    "ca-certificates", "netbase", "tzdata",
    "libssl3", "libsqlite3-0", "libffi8", "libbz2-1.0", "liblzma5", "libreadline8", "libncursesw6",
    "libtinfo6", "libgdbm6", "libgdbm-compat4", "libdb5.3", "libuuid1", "zlib1g", "libzstd1",
    "libnsl2", "libtirpc3", "libcrypt1",
  ],
  trixie: [
    "ca-certificates", "netbase", "tzdata",
    "libssl3t64", "libsqlite3-0", "libffi8", "libbz2-1.0", "liblzma5", "libreadline8t64", "libncursesw6",
    "libtinfo6", "libgdbm6t64", "libgdbm-compat4t64", "libdb5.3t64", "libuuid1", "zlib1g", "libzstd1",
    "libcrypt1",
  ],
};

/**
 * The debian:<release>-slim base is what debootstrap --variant=minbase installs: every package with Priority
 * required or Essential yes (taken from the release's Packages index), plus these. debootstrap adds apt, and on a
 * merged-/usr system usr-is-merged (bookworm's init-system-helpers depends on "usrmerge | usr-is-merged"; the real
 * debian:bookworm-slim has usr-is-merged and no perl: debuerreotype/docker-debian-artifacts
 * bookworm/slim/rootfs.manifest). Without it the alternative rule would take usrmerge, which pulls perl
 * (about 50 MB) into every bookworm image base. Only names the release has are added.
 */
export const MINBASE_EXTRA: readonly string[] = ["apt", "usr-is-merged"];

/**
 * What the full (non-slim) python:<ver>-<release> images install on top of debian:<release>: they are
 * built FROM buildpack-deps:<release>, whose three layers (curl, scm, main) install these with
 * --no-install-recommends, plus the Python Dockerfile's own additions (libbluetooth-dev, tk-dev,
 * uuid-dev). Source: docker-library/buildpack-deps debian/trixie/Dockerfile (2025-11-13; bookworm
 * identical), summarised in /work/shared/data/python-images.json (full_image_buildpack_deps_dev_packages).
 * The same list is used for every release; a name that is only virtual in a release is replaced by its
 * provider in the snapshot's roots.full (and listed under `absent`). Bullseye's buildpack-deps also fell back to
 * libmysqlclient-dev where default-libmysqlclient-dev did not exist; it exists in all three releases.
 */
export const FULL_IMAGE_ROOTS: readonly string[] = [
  // curl layer
  "ca-certificates", "curl", "gnupg", "netbase", "sq", "wget",
  // scm layer
  "git", "mercurial", "openssh-client", "subversion", "procps",
  // main layer
  "autoconf", "automake", "bzip2", "default-libmysqlclient-dev", "dpkg-dev", "file", "g++", "gcc", "imagemagick",
  "libbz2-dev", "libc6-dev", "libcurl4-openssl-dev", "libdb-dev", "libevent-dev", "libffi-dev", "libgdbm-dev",
  "libglib2.0-dev", "libgmp-dev", "libjpeg-dev", "libkrb5-dev", "liblzma-dev", "libmagickcore-dev", "libmagickwand-dev",
  "libmaxminddb-dev", "libncurses5-dev", "libncursesw5-dev", "libpng-dev", "libpq-dev", "libreadline-dev",
  "libsqlite3-dev", "libssl-dev", "libtool", "libwebp-dev", "libxml2-dev", "libxslt-dev", "libyaml-dev", "make",
  "patch", "unzip", "xz-utils", "zlib1g-dev",
  // python:<ver>-<release> adds
  "libbluetooth-dev", "tk-dev", "uuid-dev",
];
