/**
 * Upstream sources for the build check (scripts/verify/build.ts): which tag of which repository, and which of Debian's
 * packages stand in for the build backend the project's pyproject.toml asks for (PyPI is unreachable, so pip runs
 * with --no-build-isolation against them). Entries that cannot be built here are listed with the reason.
 * Pure data; the `source` strings name the file each fact was read from at that tag.
 */
import type { DebianRelease } from "../../lib/knowledge/types";

export interface BuildTarget {
  /** GitHub owner/name. */
  repository: string;
  tag: string;
  /** Debian packages providing the build backend and build-time Python modules. */
  backends: string[];
  /** Paths left out of the exported tree (test data the snapshot does not hold). */
  exclude?: string[];
  /** Environment for the build (e.g. a version for setuptools_scm, which needs .git). */
  env?: Record<string, string>;
  /**
   * pip --config-settings for the PEP 517 backend, each "key=value": meson-python's setup-args/compile-args,
   * scikit-build-core's cmake.define.*. What a user's `pip install` would pass to build the same configuration.
   */
  configSettings?: string[];
  /**
   * Where the tag's tree is read from when the upstream repository's snapshot cannot be brought here (too large):
   * a fork's snapshot holding the same commit (GitHub forks share upstream's commit ids), with the reason.
   */
  from?: { repository: string; commits: Record<string, string>; why: string };
  /** An older tag where the release's Debian cannot provide the backend `tag` needs, with the reason. */
  tagOn?: Partial<Record<DebianRelease, { tag: string; why: string }>>;
  /** Releases whose Debian cannot provide the backend the tag needs, with the reason. */
  unbuildableOn?: Partial<Record<DebianRelease, string>>;
  source: string;
}

export const BUILD_TARGETS: Readonly<Record<string, BuildTarget>> = {
  psycopg2: { repository: "psycopg/psycopg2", tag: "2.9.12", backends: ["python3-setuptools", "python3-wheel"], source: "setup.py (setuptools; pg_config from libpq-dev)" },
  pyodbc: { repository: "mkleehammer/pyodbc", tag: "5.3.0", backends: ["python3-setuptools", "python3-wheel"], source: "pyproject.toml [build-system] requires setuptools" },
  mysqlclient: { repository: "PyMySQL/mysqlclient", tag: "v2.2.8", backends: ["python3-setuptools", "python3-wheel"], source: "pyproject.toml [build-system] requires setuptools>=61 (pkg-config finds mysqlclient/mariadb)" },
  "python-ldap": { repository: "python-ldap/python-ldap", tag: "python-ldap-3.4.7", backends: ["python3-setuptools", "python3-wheel"], source: "pyproject.toml [build-system] requires setuptools" },
  pycurl: { repository: "pycurl/pycurl", tag: "REL_7_47_0", backends: ["python3-setuptools", "python3-wheel"], source: "pyproject.toml [build-system] requires setuptools>=77, wheel" },
  lxml: {
    repository: "lxml/lxml",
    tag: "lxml-6.0.2",
    backends: ["python3-setuptools", "python3-wheel", "cython3"],
    tagOn: {
      bookworm: { tag: "lxml-4.9.4", why: "lxml 5 and 6 need Cython 3 (pyproject.toml); bookworm's cython3 is 0.29.32, and 4.9.4 asks for Cython 0.29.37 (requirements.txt)" },
      trixie: { tag: "lxml-5.4.0", why: "lxml 6.0.2 needs Cython >= 3.1.4 (pyproject.toml); trixie's cython3 is 3.0.11, which 5.4.0 accepts (>= 3.0.11, < 3.1.0)" },
    },
    source: "pyproject.toml [build-system] requires Cython>=3.1.4, setuptools (the git tree has no generated C)",
  },
  pyyaml: {
    repository: "yaml/pyyaml",
    tag: "6.0.3",
    backends: ["python3-setuptools", "python3-wheel", "cython3"],
    source: "pyproject.toml [build-system] requires setuptools, Cython (in-tree backend packaging/_pyyaml_pep517)",
  },
  pygraphviz: { repository: "pygraphviz/pygraphviz", tag: "pygraphviz-1.14", backends: ["python3-setuptools", "python3-wheel"], source: "pyproject.toml [build-system] requires setuptools>=61.2 (SWIG output committed)" },
  "confluent-kafka": {
    repository: "confluentinc/confluent-kafka-python",
    tag: "v2.12.1",
    backends: ["python3-setuptools", "python3-wheel"],
    // src/confluent_kafka/src/confluent_kafka.h stops the build (#error) unless librdkafka is at least its own version.
    tagOn: {
      bookworm: { tag: "v2.0.2", why: "v2.12.1 needs librdkafka >= 2.12.1 (#error in confluent_kafka.h); bookworm's librdkafka-dev is 2.0.2" },
      trixie: { tag: "v2.8.0", why: "v2.12.1 needs librdkafka >= 2.12.1 (#error in confluent_kafka.h); trixie's librdkafka-dev is 2.8.0" },
    },
    source: "pyproject.toml [build-system] requires setuptools>=62, wheel (v2.0.2: setup.py)",
  },
  greenlet: { repository: "python-greenlet/greenlet", tag: "3.2.4", backends: ["python3-setuptools", "python3-wheel"], source: "pyproject.toml [build-system] requires setuptools >= 40.8.0" },
  cffi: { repository: "python-cffi/cffi", tag: "v2.0.0", backends: ["python3-setuptools", "python3-wheel"], source: "pyproject.toml [build-system] requires setuptools >= 66.1" },
  pillow: {
    repository: "python-pillow/Pillow",
    tag: "12.3.0",
    backends: ["python3-setuptools", "python3-wheel", "python3-pybind11"],
    exclude: ["Tests"],
    source: "pyproject.toml [build-system] requires pybind11, setuptools>=77; in-tree backend _custom_build/backend.py",
  },
  mariadb: {
    repository: "mariadb-corporation/mariadb-connector-python",
    tag: "v1.1.10",
    backends: ["python3-setuptools", "python3-wheel", "python3-packaging"],
    // v1.1.10 passes a Py_ssize_t* where the API wants a const char**: an error since GCC 14 (trixie), a warning before.
    env: { CFLAGS: "-Wno-error=incompatible-pointer-types" },
    source: "pyproject.toml [build-system] requires wheel, setuptools, packaging (mariadb_config from libmariadb-dev)",
  },
  pyzmq: {
    repository: "zeromq/pyzmq",
    tag: "v27.2.0",
    backends: ["cython3", "python3-scikit-build-core", "python3-packaging", "cmake", "ninja-build"],
    // Without libzmq the build downloads and bundles its own: forbidden, so a builder list lacking libzmq fails here.
    configSettings: ["cmake.define.PYZMQ_NO_BUNDLE=ON"],
    env: { CMAKE_BUILD_PARALLEL_LEVEL: "2" },
    source: "pyproject.toml [build-system] requires cython>=3.0.0, packaging, scikit-build-core>=0.10; CMakeLists.txt finds libzmq (CMake config, then pkg-config) or bundles it unless PYZMQ_NO_BUNDLE",
  },
};

/** Curated compiled entries the build check cannot build here, and why (checked against each project's tree). */
export const NOT_BUILDABLE: Readonly<Record<string, string>> = {
  bcrypt: "Rust extension (pyo3): cargo needs crates.io, which is unreachable",
  cryptography: "Rust extension (maturin/pyo3): cargo needs crates.io, which is unreachable",
  numpy: "meson-python with its vendored meson fork (vendored-meson/meson), pocketfft and highway as git submodules (.gitmodules); the snapshot has no submodules",
  scipy: "meson-python with git submodules (scipy/_lib/boost, PROPACK, unuran per .gitmodules); the snapshot has no submodules",
  grpcio: "third_party/ (abseil-cpp, boringssl-with-bazel, cares, re2, zlib, ...) are git submodules (.gitmodules); the snapshot has none",
  uvloop: "vendor/libuv is a git submodule (.gitmodules); the snapshot has none",
  "opencv-python": "opencv, opencv_contrib and multibuild are git submodules (.gitmodules), and the build compiles all of OpenCV",
  "opencv-python-headless": "the same tree as opencv-python (git submodules, all of OpenCV)",
  oracledb: "ODPI-C is a git submodule (src/oracledb/impl/thick/odpi, .gitmodules); the snapshot has none",
  gdal: "the Python bindings build inside GDAL's own CMake tree and must match libgdal's version exactly",
  pymssql: "v2.3.13 needs Cython >= 3.1.0 and setuptools > 80 (pyproject.toml); Debian has Cython 0.29.32 (bookworm) and 3.0.11 (trixie)",
  uwsgi: "pip builds a program, not a module: the import/ldd check does not apply",
};
