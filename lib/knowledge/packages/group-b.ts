import type { PackageKnowledge } from "../types";
import { ALL_WHEELS, ALPINE_FROM_APORTS, NO_WHEELS, PKG_CONFIG, PURE_WHEELS, perTarget, sameDebian } from "./builders";

/**
 * Entries written by the group-b author; see types.ts for the meaning of each field.
 *
 * Debian names were checked against the bullseye/bookworm/trixie package indices
 * (apt-cache show / showsrc / depends). Alpine names come from aports knowledge
 * (APKBUILD files), not from an index: they are marked so in each entry's sources.
 */

export const pillow: PackageKnowledge = {
  name: "pillow",
  display: "Pillow",
  summary: "Python imaging library (fork of PIL).",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: sameDebian(
        ["libjpeg-dev", "zlib1g-dev", "libfreetype-dev", "liblcms2-dev", "libtiff-dev", "libwebp-dev", "libopenjp2-7-dev"],
        ["libjpeg-turbo-dev", "zlib-dev", "freetype-dev", "lcms2-dev", "tiff-dev", "libwebp-dev", "openjpeg-dev"],
      ),
      why: "headers of the image codecs (libjpeg and zlib are mandatory for a source build)",
    },
    {
      stage: "runtime",
      when: "source",
      packages: perTarget(
        ["libjpeg62-turbo", "zlib1g", "libfreetype6", "liblcms2-2", "libtiff5", "libwebp6", "libwebpdemux2", "libwebpmux3", "libopenjp2-7"],
        ["libjpeg62-turbo", "zlib1g", "libfreetype6", "liblcms2-2", "libtiff6", "libwebp7", "libwebpdemux2", "libwebpmux3", "libopenjp2-7"],
        ["libjpeg62-turbo", "zlib1g", "libfreetype6", "liblcms2-2", "libtiff6", "libwebp7", "libwebpdemux2", "libwebpmux3", "libopenjp2-7"],
        ["libjpeg-turbo", "zlib", "freetype", "lcms2", "tiff", "libwebp", "libwebpdemux", "libwebpmux", "openjpeg"],
      ),
      why: "the compiled extension links the image codec libraries",
    },
  ],
  wheels: ALL_WHEELS("3.10", "3.14"),
  notes: [
    "The manylinux/musllinux wheels bundle every codec library; system packages are only needed for a source build.",
    "A source build without libjpeg or zlib headers fails unless those features are disabled explicitly.",
  ],
  sources: [
    "Debian bullseye/bookworm/trixie: Build-Depends of source pillow (apt-cache showsrc pillow)",
    "Debian: Depends of python3-pil in each release (libtiff5→libtiff6, libwebp6→libwebp7)",
    ".github/workflows/wheels.yml of python-pillow/Pillow (manylinux2014/manylinux_2_28 + musllinux, x86_64 and aarch64; macOS jobs start at cp310)",
    "pyproject.toml [tool.cibuildwheel] of python-pillow/Pillow (search corpus)",
    ALPINE_FROM_APORTS + " (community/py3-pillow makedepends)",
  ],
};

export const grpcio: PackageKnowledge = {
  name: "grpcio",
  display: "grpcio",
  summary: "gRPC runtime for Python (C-core extension).",
  toolchains: ["c", "c++"],
  needs: [
    {
      stage: "runtime",
      when: "source",
      packages: sameDebian([], ["libstdc++"]),
      why: "the extension is C++; Debian images already ship libstdc++6, Alpine's do not",
    },
  ],
  wheels: ALL_WHEELS("3.10", "3.14"),
  notes: [
    "The sdist vendors BoringSSL, zlib, c-ares, abseil and re2, so a source build needs only a C/C++ compiler, but it takes a long time (tens of minutes).",
    "Keep grpcio-tools on the same version as grpcio.",
  ],
  sources: [
    "tools/run_tests/artifacts/artifact_targets.py of grpc/grpc: manylinux2014 x64/aarch64 and musllinux_1_2 x64/aarch64 artifacts, cp39..cp314 (read_file); min set to 3.10 conservatively because the stored file may predate the latest release",
    "Debian: python3-grpcio (source grpc) links the system libraries instead of the vendored ones, so its Depends do not apply to the PyPI sdist",
  ],
};

export const pycurl: PackageKnowledge = {
  name: "pycurl",
  display: "pycurl",
  summary: "Python interface to libcurl.",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: sameDebian(["libcurl4-openssl-dev", "libssl-dev"], ["curl-dev", "openssl-dev"]),
      why: "libcurl headers and curl-config; pycurl also needs the headers of the TLS library libcurl uses",
    },
    {
      stage: "runtime",
      when: "source",
      packages: perTarget(["libcurl4"], ["libcurl4"], ["libcurl4t64"], ["libcurl"]),
      why: "links against libcurl at run time",
    },
  ],
  wheels: {
    manylinux: { x86_64: true, aarch64: true },
    musllinux: { x86_64: false, aarch64: false },
    python: { min: "3.10", max: "3.14" },
  },
  notes: [
    "manylinux_2_28 wheels bundle their own libcurl (built with vcpkg); there are no musllinux wheels, so Alpine always builds from source.",
    "Debian's own python3-pycurl builds against the GnuTLS flavour (libcurl4-gnutls-dev → libcurl3-gnutls / libcurl3t64-gnutls); the OpenSSL flavour is used here. Build and runtime flavours must match.",
  ],
  sources: [
    "pyproject.toml [tool.cibuildwheel] of pycurl/pycurl: build cp3*, skip cp38 and *-musllinux*, manylinux_2_28 x86_64/aarch64, requires-python >=3.10, classifiers up to 3.14 (read_file)",
    "Debian bullseye/bookworm/trixie: Build-Depends of source pycurl; Depends of python3-pycurl",
    "Debian indices: libcurl4 (bullseye, bookworm) renamed libcurl4t64 in trixie",
    ALPINE_FROM_APORTS,
  ],
};

export const pythonLdap: PackageKnowledge = {
  name: "python-ldap",
  display: "python-ldap",
  summary: "LDAP client API for Python (OpenLDAP bindings).",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: sameDebian(["libldap2-dev", "libsasl2-dev"], ["openldap-dev", "cyrus-sasl-dev"]),
      why: "OpenLDAP and Cyrus SASL headers to compile the extension",
    },
    {
      stage: "runtime",
      when: "source",
      packages: perTarget(["libldap-2.4-2", "libsasl2-2"], ["libldap-2.5-0", "libsasl2-2"], ["libldap2", "libsasl2-2"], ["libldap", "libsasl"]),
      why: "links against libldap and libsasl2 at run time",
    },
  ],
  wheels: NO_WHEELS("3.9", "3.14"),
  notes: ["python-ldap publishes only an sdist: every install compiles it."],
  sources: [
    "Debian bullseye/bookworm/trixie: Build-Depends of source python-ldap (libldap2-dev, libsasl2-dev)",
    "Debian: Depends of python3-ldap (libldap-2.4-2 → libldap-2.5-0 → libldap2)",
    "python-ldap/python-ldap publishes no binary wheels (no wheel build configuration found); conservative: no wheels",
    ALPINE_FROM_APORTS,
  ],
};

export const pyyaml: PackageKnowledge = {
  name: "pyyaml",
  display: "PyYAML",
  summary: "YAML parser and emitter, with an optional libyaml C accelerator.",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: sameDebian(["libyaml-dev"], ["yaml-dev"]),
      why: "libyaml headers for the optional C loader (CLoader/CDumper)",
    },
    {
      stage: "runtime",
      when: "source",
      packages: sameDebian(["libyaml-0-2"], ["yaml"]),
      why: "the C extension links against libyaml",
    },
  ],
  wheels: ALL_WHEELS("3.9", "3.14"),
  notes: [
    "Without libyaml headers a source build silently falls back to the pure-Python parser (no CLoader).",
  ],
  sources: [
    "Debian bullseye/bookworm/trixie: Build-Depends of source pyyaml (libyaml-dev); Depends of python3-yaml (libyaml-0-2)",
    "yaml/pyyaml wheel workflows (.github/workflows/ci.yaml, manual_artifact_build.yaml) build manylinux and musllinux for x86_64/aarch64; Python range from release knowledge, min kept at 3.9 conservatively",
    ALPINE_FROM_APORTS,
  ],
};

export const gevent: PackageKnowledge = {
  name: "gevent",
  display: "gevent",
  summary: "Coroutine-based networking library built on greenlet and libev/libuv.",
  toolchains: ["c"],
  needs: [],
  wheels: ALL_WHEELS("3.10", "3.14"),
  notes: [
    "The sdist embeds libev, libuv and c-ares and compiles them in; no system library is needed at run time.",
    "Depends on greenlet (see that entry).",
  ],
  sources: [
    ".github/workflows/ci.yml of gevent/gevent: manylinux2014 x86_64/aarch64 and musllinux x86_64/aarch64 images (read_file)",
    "Debian: python3-gevent links the system libev/c-ares (GEVENTSETUP_EMBED=0), unlike the PyPI build",
    "Python range: conservative (3.10..3.14); not confirmed against the latest release's files",
  ],
};

export const greenlet: PackageKnowledge = {
  name: "greenlet",
  display: "greenlet",
  summary: "Lightweight in-process coroutines (C++ extension).",
  toolchains: ["c", "c++"],
  needs: [
    {
      stage: "runtime",
      when: "source",
      packages: sameDebian([], ["libstdc++"]),
      why: "the extension is C++; Debian images already ship libstdc++6, Alpine's do not",
    },
  ],
  wheels: ALL_WHEELS("3.10", "3.14"),
  notes: [],
  sources: [
    "Debian: Depends of python3-greenlet (libstdc++6, libgcc-s1 only)",
    "python-greenlet/greenlet make-manylinux workflow (manylinux x86_64/aarch64, musllinux); musllinux aarch64 and the Python range come from release knowledge, range kept conservative",
    ALPINE_FROM_APORTS,
  ],
};

export const uwsgi: PackageKnowledge = {
  name: "uwsgi",
  display: "uWSGI",
  summary: "Application server (C) that embeds the Python interpreter.",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: sameDebian(["libpcre2-dev"], ["linux-headers", "pcre2-dev"]),
      why: "PCRE2 for internal routing (optional, detected at build); Alpine also needs kernel headers",
    },
    {
      stage: "runtime",
      when: "source",
      packages: sameDebian(["libpcre2-8-0"], ["pcre2"]),
      why: "the binary links PCRE2 when it was found at build time",
    },
  ],
  wheels: NO_WHEELS("3.9", "3.14"),
  notes: [
    "uWSGI publishes only an sdist: pip always compiles it.",
    "It links libpython from /usr/local/lib, which the official images provide (Python is built shared).",
    "Optional features are auto-detected at build time (OpenSSL, libxml2, PCRE2); install the matching -dev package in the builder and the library in the final image to keep them.",
  ],
  sources: [
    "Debian bullseye/bookworm: Build-Depends of source uwsgi use libpcre3-dev; trixie switches to libpcre2-dev (uwsgi-core Depends libpcre2-8-0); libpcre2-dev exists in all three releases",
    "unbit/uwsgi publishes no wheels on PyPI (sdist only); conservative: no wheels",
    ALPINE_FROM_APORTS,
  ],
};

export const confluentKafka: PackageKnowledge = {
  name: "confluent-kafka",
  display: "confluent-kafka",
  summary: "Confluent's Apache Kafka client, a binding to librdkafka.",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: sameDebian(["librdkafka-dev"], ["librdkafka-dev"]),
      why: "librdkafka headers to compile the extension",
    },
    {
      stage: "runtime",
      when: "source",
      packages: sameDebian(["librdkafka1"], ["librdkafka"]),
      why: "links against librdkafka at run time",
    },
  ],
  wheels: {
    manylinux: { x86_64: true, aarch64: true },
    musllinux: { x86_64: false, aarch64: false },
    python: { min: "3.9", max: "3.14" },
  },
  notes: [
    "No musllinux wheels: on Alpine it always builds from source.",
    "A source build needs a librdkafka at least as new as the confluent-kafka version; Debian ships librdkafka 1.6 (bullseye), 2.0.2 (bookworm), 2.8 (trixie), so pin confluent-kafka to a matching version or build librdkafka yourself.",
  ],
  sources: [
    "tools/wheels/build-wheels.sh of confluentinc/confluent-kafka-python: CIBW_SKIP includes *musllinux* and *i686; manylinux_2_28 x86_64/aarch64; cibuildwheel 3.2.1 (find_string/read_file)",
    "Debian bullseye/bookworm/trixie: Build-Depends of source python-confluent-kafka (librdkafka-dev); Depends of python3-confluent-kafka (librdkafka1)",
    "Python range: min 3.9 chosen conservatively (cibuildwheel 3.x default range starts at 3.8)",
    ALPINE_FROM_APORTS,
  ],
};

export const shapely: PackageKnowledge = {
  name: "shapely",
  display: "shapely",
  summary: "Geometric objects and operations, a binding to GEOS.",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: perTarget(["libgeos-dev", "pkg-config"], ["libgeos-dev", "pkgconf"], ["libgeos-dev", "pkgconf"], ["geos-dev", "pkgconf"]),
      why: "GEOS headers; the meson build locates GEOS with pkg-config",
    },
    {
      stage: "runtime",
      when: "source",
      packages: perTarget(["libgeos-c1v5"], ["libgeos-c1v5"], ["libgeos-c1t64"], ["geos"]),
      why: "links against the GEOS C API at run time",
    },
  ],
  wheels: ALL_WHEELS("3.11", "3.14"),
  notes: [
    "Wheels bundle GEOS. A source build also needs numpy (pulled from PyPI) and a GEOS new enough for the release (bullseye ships 3.9.0).",
  ],
  sources: [
    ".github/workflows/release.yml of shapely/shapely: manylinux_2_28 and musllinux_1_2, x86_64 and aarch64 (read_file)",
    "pyproject.toml of shapely/shapely: requires-python >=3.11 in the newest stored version (2.1.x allowed 3.10); min 3.11 is the conservative choice",
    "Debian bullseye/bookworm/trixie: Build-Depends of source python-shapely (libgeos-dev); Depends of python3-shapely (libgeos-c1v5 → libgeos-c1t64)",
    ALPINE_FROM_APORTS,
  ],
};

export const gdal: PackageKnowledge = {
  name: "gdal",
  display: "GDAL",
  summary: "Python bindings to the GDAL/OGR geospatial library.",
  toolchains: ["c", "c++"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: sameDebian(["libgdal-dev"], ["gdal-dev"]),
      why: "GDAL headers and gdal-config to compile the SWIG bindings",
    },
    {
      stage: "runtime",
      when: "source",
      packages: perTarget(["libgdal28"], ["libgdal32"], ["libgdal36"], ["gdal"]),
      why: "links against libgdal at run time",
    },
  ],
  wheels: NO_WHEELS("3.9", "3.14"),
  notes: [
    "GDAL publishes only an sdist on PyPI.",
    "The binding version must match the system libgdal: pin GDAL==$(gdal-config --version) (bullseye 3.2.2, bookworm 3.6.2, trixie 3.10.3).",
    "Install numpy before building GDAL (or build with --no-build-isolation) to get gdal_array.",
  ],
  sources: [
    "Debian bullseye/bookworm/trixie: source gdal builds python3-gdal; Depends of python3-gdal (libgdal28 → libgdal32 → libgdal36); libgdal-dev versions from the indices",
    "OSGeo/gdal publishes no wheels on PyPI (sdist only)",
    ALPINE_FROM_APORTS,
  ],
};

export const pygraphviz: PackageKnowledge = {
  name: "pygraphviz",
  display: "PyGraphviz",
  summary: "Python interface to the Graphviz graph layout library.",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: perTarget(["libgraphviz-dev", "pkg-config"], ["libgraphviz-dev", "pkg-config"], ["libgraphviz-dev", "pkgconf"], ["graphviz-dev", "pkgconf"]),
      why: "Graphviz (cgraph, gvc) headers to compile the extension",
    },
    {
      stage: "runtime",
      when: "source",
      packages: sameDebian(["libcgraph6", "libgvc6", "graphviz"], ["graphviz"]),
      why: "links libcgraph/libgvc; layout uses the Graphviz plugins",
    },
  ],
  wheels: NO_WHEELS("3.10", "3.14"),
  notes: ["No Linux wheels are published: pip always compiles PyGraphviz on Linux."],
  sources: [
    "Debian bullseye/bookworm/trixie: Build-Depends of source python-pygraphviz (libgraphviz-dev, pkg-config / pkgconf); Depends of python3-pygraphviz (graphviz, libcgraph6, libgvc6)",
    ".github/workflows/cibuildwheel.yml of pygraphviz/pygraphviz: Linux wheels are built in CI but the upload step is commented out; only the sdist is published (read_file)",
    ALPINE_FROM_APORTS,
  ],
};

export const pythonMagic: PackageKnowledge = {
  name: "python-magic",
  display: "python-magic",
  summary: "File type identification through libmagic (pure Python, ctypes).",
  toolchains: [],
  needs: [
    {
      stage: "runtime",
      when: "always",
      packages: perTarget(["libmagic1"], ["libmagic1"], ["libmagic1t64"], ["libmagic"]),
      why: "loads libmagic with ctypes at run time",
    },
  ],
  wheels: PURE_WHEELS("3.8", "3.14"),
  notes: ["Pure Python: the wheel carries no libmagic, so the final image must install it."],
  sources: [
    "Debian: Depends of python3-magic (libmagic1 in bullseye/bookworm, libmagic1t64 in trixie)",
    "ahupp/python-magic publishes a py2.py3-none-any wheel",
    ALPINE_FROM_APORTS + " (main/file subpackage libmagic)",
  ],
};

export const weasyprint: PackageKnowledge = {
  name: "weasyprint",
  display: "WeasyPrint",
  summary: "HTML/CSS to PDF renderer (pure Python, loads Pango through cffi).",
  toolchains: [],
  needs: [
    {
      stage: "runtime",
      when: "always",
      packages: perTarget(
        ["libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core"],
        ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-dejavu-core"],
        ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-dejavu-core"],
        ["pango", "font-dejavu"],
      ),
      why: "loads Pango, PangoFT2 and HarfBuzz via cffi at run time; needs at least one font",
    },
  ],
  wheels: PURE_WHEELS("3.10", "3.14"),
  notes: [
    "Requires Pango ≥ 1.44 (bullseye has 1.46).",
    "libharfbuzz-subset0 is optional (faster font subsetting); it does not exist in bullseye.",
    "Slim images ship no fonts: without one, text renders as empty boxes. Add the fonts your documents need.",
    "WeasyPrint's dependencies Pillow and cffi have wheels; a source build of those needs the usual headers.",
  ],
  sources: [
    "WeasyPrint docs first_steps (Debian ≥ 11 with wheels: libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; Alpine: so:libpango-1.0.so.0, so:libpangoft2-1.0.so.0, so:libharfbuzz-subset.so.0 …; Python ≥ 3.10 in the latest docs) (search corpus docs)",
    "Debian: Depends of binary weasyprint in bookworm/trixie (libpango-1.0-0, libpangoft2-1.0-0)",
    "Debian indices: libharfbuzz-subset0 exists in bookworm and trixie, not bullseye",
    ALPINE_FROM_APORTS,
  ],
};

const OPENCV_SOURCE_NOTE =
  "No musllinux wheels: on Alpine pip compiles all of OpenCV (very slow, needs cmake and a C++ compiler). Prefer a Debian-based image.";

export const opencvPython: PackageKnowledge = {
  name: "opencv-python",
  display: "opencv-python",
  summary: "Prebuilt OpenCV for Python, with GUI (Qt) support.",
  toolchains: ["c", "c++"],
  needs: [
    {
      stage: "runtime",
      when: "always",
      packages: perTarget(["libgl1", "libglib2.0-0"], ["libgl1", "libglib2.0-0"], ["libgl1", "libglib2.0-0t64"], []),
      why: "the manylinux wheel loads libGL and GLib from the system (they are not bundled)",
    },
  ],
  wheels: {
    manylinux: { x86_64: true, aarch64: true },
    musllinux: { x86_64: false, aarch64: false },
    python: { min: "3.9", max: "3.14" },
  },
  notes: [
    "Servers and containers should use opencv-python-headless instead: it does not need libGL.",
    "The classic error 'ImportError: libGL.so.1: cannot open shared object file' means libgl1 is missing.",
    OPENCV_SOURCE_NOTE,
    "Wheels are abi3 (one wheel per platform for all CPython 3 versions from its minimum).",
  ],
  sources: [
    "opencv/opencv-python workflows: build_wheels_linux.yml / build_wheels_linux_arm.yml (manylinux x86_64/aarch64); build_wheels_musllinux.yml only builds and uploads the headless variants (read_file)",
    "Debian indices: libgl1 in all three releases, libglib2.0-0 renamed libglib2.0-0t64 in trixie",
    "Runtime libGL/GLib need: well-known behaviour of the Qt-enabled wheels, not verified by running the wheel here",
  ],
};

export const opencvPythonHeadless: PackageKnowledge = {
  name: "opencv-python-headless",
  display: "opencv-python-headless",
  summary: "Prebuilt OpenCV for Python without GUI support, for servers and containers.",
  toolchains: ["c", "c++"],
  needs: [],
  wheels: {
    manylinux: { x86_64: true, aarch64: true },
    musllinux: { x86_64: false, aarch64: false },
    python: { min: "3.9", max: "3.14" },
  },
  notes: [
    "Needs no libGL: the right choice for Docker images.",
    OPENCV_SOURCE_NOTE,
    "opencv-python-headless has a musllinux workflow upstream; whether the latest release on PyPI carries musllinux wheels is unverified, so Alpine is treated as a source build.",
  ],
  sources: [
    "opencv/opencv-python .github/workflows/build_wheels_musllinux.yml (ENABLE_HEADLESS=1, uploads opencv_python_headless*); release status on PyPI unverified (read_file)",
    "opencv/opencv-python manylinux workflows (x86_64 and aarch64)",
  ],
};

export const pycairo: PackageKnowledge = {
  name: "pycairo",
  display: "pycairo",
  summary: "Python bindings for the cairo 2D graphics library.",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: perTarget(["libcairo2-dev", "pkg-config"], ["libcairo2-dev", "pkgconf"], ["libcairo2-dev", "pkgconf"], ["cairo-dev", "pkgconf"]),
      why: "cairo headers; the meson build finds cairo with pkg-config",
    },
    {
      stage: "runtime",
      when: "source",
      packages: sameDebian(["libcairo2"], ["cairo"]),
      why: "links against libcairo at run time",
    },
  ],
  wheels: NO_WHEELS("3.10", "3.14"),
  notes: [
    "Only Windows wheels are published: Linux always builds from the sdist (meson-python; meson and ninja come from PyPI).",
    "Recent pycairo needs cairo ≥ 1.15.10 and Python ≥ 3.10.",
  ],
  sources: [
    ".github/workflows/wheels.yml of pygobject/pycairo: cibuildwheel runs only on Windows (win_amd64, win32, win_arm64) (read_file)",
    "meson.build of pygobject/pycairo: cairo >= 1.15.10, Python >= 3.10 (read_file)",
    "Debian bullseye/bookworm/trixie: Build-Depends of source pycairo (libcairo2-dev); Depends of python3-cairo (libcairo2)",
    ALPINE_FROM_APORTS,
  ],
};

export const pygobject: PackageKnowledge = {
  name: "pygobject",
  display: "PyGObject",
  summary: "Python bindings for GObject-based libraries (GLib, GIO, GTK…) via GObject Introspection.",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: perTarget(
        ["libgirepository1.0-dev", "libcairo2-dev", "pkg-config"],
        ["libgirepository1.0-dev", "libcairo2-dev", "pkgconf"],
        ["libgirepository-2.0-dev", "libcairo2-dev", "pkgconf"],
        ["glib-dev", "gobject-introspection-dev", "cairo-dev", "pkgconf"],
      ),
      why: "GObject Introspection, GLib and cairo headers (PyGObject ≥ 3.51 needs girepository-2.0 from GLib ≥ 2.80)",
    },
    {
      stage: "runtime",
      when: "source",
      packages: perTarget(
        ["libgirepository-1.0-1", "gir1.2-glib-2.0", "libglib2.0-0", "libcairo-gobject2"],
        ["libgirepository-1.0-1", "gir1.2-glib-2.0", "libglib2.0-0", "libcairo-gobject2"],
        ["libgirepository-2.0-0", "gir1.2-glib-2.0", "libglib2.0-0t64", "libcairo-gobject2"],
        ["glib", "gobject-introspection", "cairo"],
      ),
      why: "links libgirepository and GLib; needs the GLib typelibs at run time",
    },
  ],
  wheels: NO_WHEELS("3.9", "3.14"),
  notes: [
    "No Linux wheels: pip always builds PyGObject (and its dependency pycairo) from source.",
    "PyGObject ≥ 3.51 requires girepository-2.0 (GLib ≥ 2.80): only trixie has it (libgirepository-2.0-dev). On bullseye/bookworm pin PyGObject<3.51, which builds against libgirepository1.0-dev.",
    "Typelibs of other libraries (e.g. gir1.2-gtk-3.0) must be installed separately for the APIs you import.",
  ],
  sources: [
    "Debian bullseye/bookworm/trixie: Build-Depends of source pygobject (libgirepository1.0-dev → libgirepository-1.0-dev + gir1.2-*-dev in trixie, libcairo2-dev)",
    "Debian: Depends of python3-gi and python3-gi-cairo; libgirepository-2.0-dev/-0 and GLib 2.84 exist only in trixie (bookworm has GLib 2.74)",
    "PyGObject ≥ 3.51 needs girepository-2.0 (search corpus code: beeware/toga #3143 summary); GNOME/pygobject publishes only an sdist",
    ALPINE_FROM_APORTS,
  ],
};

export const pyzmq: PackageKnowledge = {
  name: "pyzmq",
  display: "pyzmq",
  summary: "Python bindings for ZeroMQ.",
  toolchains: ["c", "c++"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: sameDebian(["libzmq3-dev"], ["zeromq-dev"]),
      why: "libzmq headers (otherwise the build fetches and bundles libzmq itself)",
    },
    {
      stage: "runtime",
      when: "source",
      packages: sameDebian(["libzmq5"], ["libzmq"]),
      why: "links against libzmq at run time",
    },
  ],
  wheels: ALL_WHEELS("3.9", "3.14"),
  notes: [
    "Wheels bundle libzmq. The sdist builds with scikit-build-core; cmake comes from PyPI if absent.",
  ],
  sources: [
    "pyproject.toml [tool.cibuildwheel.linux] and .github/workflows/wheels.yml of zeromq/pyzmq: manylinux and musllinux (x86_64, aarch64), libzmq bundled via tools/install_libzmq.sh (read_file)",
    "Debian bullseye/bookworm/trixie: Build-Depends of source pyzmq (libzmq3-dev); Depends of python3-zmq (libzmq5)",
    "Python range from release knowledge (27.x: 3.8+, abi3 for 3.12+); min kept at 3.9 conservatively",
    ALPINE_FROM_APORTS,
  ],
};

export const pdf2image: PackageKnowledge = {
  name: "pdf2image",
  display: "pdf2image",
  summary: "Converts PDF pages to PIL images by calling poppler's pdftoppm.",
  toolchains: [],
  needs: [
    {
      stage: "runtime",
      when: "always",
      packages: sameDebian(["poppler-utils"], ["poppler-utils"]),
      why: "runs poppler's pdftoppm/pdfinfo programs",
    },
  ],
  wheels: PURE_WHEELS("3.8", "3.14"),
  notes: ["Pure Python wrapper: poppler-utils must be in the final image (or pass poppler_path)."],
  sources: [
    "Belval/pdf2image publishes a py3-none-any wheel; README lists poppler-utils as the system requirement",
    "Debian indices: poppler-utils in bullseye, bookworm, trixie (no python3-pdf2image in Debian)",
    ALPINE_FROM_APORTS,
  ],
};

export const pydub: PackageKnowledge = {
  name: "pydub",
  display: "pydub",
  summary: "Audio manipulation that shells out to ffmpeg for decoding and encoding.",
  toolchains: [],
  needs: [
    {
      stage: "runtime",
      when: "always",
      packages: sameDebian(["ffmpeg"], ["ffmpeg"]),
      why: "calls the ffmpeg/ffprobe programs for anything but raw WAV",
    },
  ],
  wheels: PURE_WHEELS("3.8", "3.14"),
  notes: [
    "pydub imports the audioop module, removed from the standard library in Python 3.13: on 3.13+ also install audioop-lts.",
    "ffmpeg pulls in a large set of codec libraries; it is the biggest part of such an image.",
  ],
  sources: [
    "Debian: python3-pydub (bullseye, bookworm) is pure Python; trixie dropped it",
    "jiaaro/pydub publishes a py2.py3-none-any wheel; ffmpeg requirement from its README",
    "Debian indices: ffmpeg in bullseye, bookworm, trixie",
    ALPINE_FROM_APORTS,
  ],
};

export const uvloop: PackageKnowledge = {
  name: "uvloop",
  display: "uvloop",
  summary: "Fast asyncio event loop built on libuv.",
  toolchains: ["c"],
  needs: [
    {
      stage: "build",
      when: "source",
      packages: sameDebian(["make"], ["make"]),
      why: "the sdist builds its vendored libuv with ./configure && make",
    },
  ],
  wheels: ALL_WHEELS("3.8", "3.14"),
  notes: [
    "The vendored libuv is linked statically: nothing is needed at run time.",
    "To link the system libuv instead, build with --use-system-libuv (libuv1-dev at build, libuv1/libuv1t64 at run time).",
  ],
  sources: [
    ".github/workflows/release.yml of MagicStack/uvloop: cibuildwheel 3.2 for cp38..cp314 on ubuntu-latest (x86_64) and ubuntu-22.04-arm (aarch64), manylinux and musllinux by default (read_file)",
    "setup.py of MagicStack/uvloop: build_libuv runs ./configure and make on vendor/libuv; sdist ships configure (read_file)",
    "Debian: python3-uvloop is built with the system libuv (Depends libuv1 → libuv1t64 in trixie)",
    ALPINE_FROM_APORTS,
  ],
};

export const GROUP_B: PackageKnowledge[] = [
  pillow,
  grpcio,
  pycurl,
  pythonLdap,
  pyyaml,
  gevent,
  greenlet,
  uwsgi,
  confluentKafka,
  shapely,
  gdal,
  pygraphviz,
  pythonMagic,
  weasyprint,
  opencvPython,
  opencvPythonHeadless,
  pycairo,
  pygobject,
  pyzmq,
  pdf2image,
  pydub,
  uvloop,
];
