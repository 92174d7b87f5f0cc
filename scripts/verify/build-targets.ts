/**
 * Upstream sources for the build check (scripts/verify/build.ts): which tag of which repository, and which of Debian's
 * packages stand in for the build backend the project's pyproject.toml asks for (PyPI is unreachable, so pip runs
 * with --no-build-isolation against them). Entries that cannot be built here are listed with the reason.
 * Pure data; the `source` strings name the file each fact was read from at that tag.
 */
import type { DebianRelease } from "../../lib/knowledge/types";

/**
 * A tree placed inside the exported one, as the project's sdist holds it: a git submodule at its gitlink's commit,
 * or a meson wrap-git subproject at its wrap's revision (a git tag's tree has neither; the build has no network).
 */
export interface TreePart {
  /** Where it goes in the tree. */
  path: string;
  /** GitHub owner/name whose snapshot holds the commit. */
  repository: string;
  commit: string;
}

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
  /** The project's directory inside the repository, when it is not the top (psycopg's psycopg_c/). */
  subdir?: string;
  /**
   * Git submodules the build needs: path in the tree → the repository whose snapshot holds the commit the tag pins
   * (read from the tag's gitlink, so the tree is the one upstream tagged).
   */
  submodules?: Record<string, string>;
  /** setuptools_scm needs .git: the version is given as SETUPTOOLS_SCM_PRETEND_VERSION, read from the tag. */
  scmVersionFromTag?: boolean;
  /**
   * The distribution installs a program, not modules (uWSGI): the check ldd's the program from the wheel's
   * scripts and runs it with `args` in the final root.
   */
  program?: { name: string; args: string[] };
  /**
   * A step upstream's sdist has already done (autogen of a vendored library), run on the tree in a throwaway root
   * with `packages`, outside the builder, so the builder sees what pip gets from PyPI.
   */
  prepare?: { packages: string[]; command: string; why: string };
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
  /**
   * The tag's tree from Debian's original tarball instead of a git snapshot (none small enough here): the source
   * package's orig tarball in the release's Sources index, checked against its SHA-256 there, with the reason.
   */
  debianOrig?: { release: DebianRelease; source: string; version: string; why: string };
  /**
   * Files the project's sdist generates and its git tree lacks (a version module a VCS plugin would write from .git),
   * written into the build root's copy of the tree: path → content.
   */
  sdistFiles?: Record<string, string>;
  /** Per tag: the submodules and wrap-git subprojects to assemble into its tree. */
  parts?: Record<string, TreePart[]>;
  /**
   * An older tag where the release's Debian cannot provide the backend `tag` needs, with the reason; and that tag's
   * own backend packages, settings and environment where they differ (an older release built with setuptools).
   */
  tagOn?: Partial<Record<DebianRelease, { tag: string; why: string } & Partial<Pick<BuildTarget, "backends" | "configSettings" | "env">>>>;
  /** Releases whose Debian cannot provide the backend the tag needs, with the reason. */
  unbuildableOn?: Partial<Record<DebianRelease, string>>;
  source: string;
}

export const BUILD_TARGETS: Readonly<Record<string, BuildTarget>> = {
  psycopg2: { repository: "psycopg/psycopg2", tag: "2.9.12", backends: ["python3-setuptools", "python3-wheel"], source: "setup.py (setuptools; pg_config from libpq-dev)" },
  // PyPI's psycopg2-binary sdist is psycopg2's own tree under another name (only its wheels differ: they bundle libpq),
  // so a source build of it is psycopg2's build with the same lists.
  "psycopg2-binary": { repository: "psycopg/psycopg2", tag: "2.9.12", backends: ["python3-setuptools", "python3-wheel"], source: "setup.py (setuptools; pg_config from libpq-dev), the tree PyPI's psycopg2-binary sdist is made from" },
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
    // wheels/multibuild is a git submodule of the wheel-building CI scripts, not part of a build.
    exclude: ["Tests", "wheels/multibuild"],
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
  gevent: {
    repository: "gevent/gevent",
    tag: "26.5.0",
    backends: ["python3-setuptools", "python3-wheel", "cython3", "python3-cffi"],
    tagOn: {
      trixie: {
        tag: "24.11.1",
        why: "26.x needs Cython >= 3.2.1 and 25.x greenlet >= 3.2.0 (pyproject.toml); trixie has cython3 3.0.11 and python3-greenlet 3.1.0; 24.11.1 asks for Cython >= 3.0.11, cffi >= 1.17.1, greenlet >= 3.0.3",
      },
    },
    unbuildableOn: {
      bookworm: "every gevent that supports Python 3.11 (22.08.0 on) needs Cython >= 3.0a11 (pyproject.toml); bookworm's cython3 is 0.29.32, and the last tag accepting it (20.5.0) predates Python 3.11",
    },
    source: "pyproject.toml [build-system] requires setuptools, Cython, cffi, greenlet (greenlet.h is vendored in deps/greenlet; libev, libuv and c-ares in deps/)",
  },
  h5py: {
    repository: "h5py/h5py",
    tag: "3.16.0",
    backends: ["python3-setuptools", "python3-wheel", "cython3", "python3-numpy", "python3-pkgconfig", "python3-packaging"],
    tagOn: {
      bookworm: {
        tag: "3.10.0",
        why: "3.11 on need numpy >= 2.0 and 3.14 on setuptools >= 77 (pyproject.toml); bookworm has python3-numpy 1.24.2 and setuptools 66.1.1; 3.10.0 asks for Cython < 1, oldest-supported-numpy, setuptools >= 61",
      },
    },
    source: "pyproject.toml [build-system] requires Cython >= 3.0, numpy >= 1.25, packaging, pkgconfig, setuptools >= 77.0.1",
  },
  shapely: {
    repository: "shapely/shapely",
    tag: "2.1.2",
    backends: ["python3-setuptools", "python3-wheel", "cython3", "python3-numpy"],
    tagOn: {
      bookworm: {
        tag: "2.0.3",
        why: "2.0.4 on need numpy >= 1.25 for Python >= 3.9 (pyproject.toml); bookworm's python3-numpy is 1.24.2; 2.0.3 asks for Cython, oldest-supported-numpy, setuptools >= 61",
      },
    },
    source: "pyproject.toml [build-system] requires Cython, numpy >= 1.25, setuptools >= 61; setup.py asks geos-config (GEOS_CONFIG) for flags",
  },
  "psycopg-c": {
    repository: "psycopg/psycopg",
    tag: "3.3.4",
    subdir: "psycopg_c",
    backends: ["python3-setuptools", "python3-wheel", "cython3"],
    tagOn: {
      trixie: {
        tag: "3.2.9",
        why: "3.2.10 on need Cython >= 3.1.1 and 3.3 setuptools == 80.3.1 (psycopg_c/pyproject.toml); trixie has cython3 3.0.11 and setuptools 78.1.1; 3.2.9 asks for Cython >= 3.0.0, < 3.1.0",
      },
    },
    unbuildableOn: {
      bookworm: "every psycopg_c tag in the git tree compiles .pyx and needs Cython >= 3.0 (3.1.x: Cython >= 3.0a5; psycopg_c/pyproject.toml); bookworm's cython3 is 0.29.32",
    },
    source: "psycopg_c/pyproject.toml [build-system] requires setuptools, wheel; in-tree backend build_backend/cython_backend adds Cython (pg_config from libpq-dev)",
  },
  xmlsec: {
    repository: "xmlsec/python-xmlsec",
    tag: "1.3.17",
    backends: ["python3-setuptools", "python3-wheel", "python3-setuptools-scm", "python3-pkgconfig", "python3-lxml"],
    scmVersionFromTag: true,
    tagOn: {
      bookworm: { tag: "1.3.16", why: "1.3.17 pins setuptools == 80.9.0 and lxml == 6.0.2 (pyproject.toml); bookworm has 66.1.1 and 4.9.2; 1.3.16 asks for setuptools >= 42, lxml >= 3.8" },
      trixie: { tag: "1.3.16", why: "1.3.17 pins setuptools == 80.9.0 and lxml == 6.0.2 (pyproject.toml); trixie has 78.1.1 and 5.4.0; 1.3.16 asks for setuptools >= 42, lxml >= 3.8" },
    },
    source: "pyproject.toml [build-system] requires setuptools, wheel, setuptools_scm, pkgconfig, lxml (setup.py compiles against lxml.get_include())",
  },
  pynacl: {
    repository: "pyca/pynacl",
    tag: "1.6.2",
    backends: ["python3-setuptools", "python3-wheel", "python3-cffi"],
    // The Windows build's prebuilt libsodium: the snapshot does not hold it, and the sdist leaves it out too (MANIFEST.in).
    exclude: ["src/libsodium-*-stable-msvc.zip"],
    tagOn: {
      bookworm: { tag: "1.6.0", why: "1.6.1 and 1.6.2 need cffi >= 2.0.0 on Python >= 3.9 (pyproject.toml); bookworm's python3-cffi is 1.15.1; 1.6.0 asks for cffi >= 2.0.0 only from Python 3.14" },
      trixie: { tag: "1.6.0", why: "1.6.1 and 1.6.2 need cffi >= 2.0.0 on Python >= 3.9 (pyproject.toml); trixie's python3-cffi is 1.17.1; 1.6.0 asks for cffi >= 2.0.0 only from Python 3.14" },
    },
    source: "pyproject.toml [build-system] requires setuptools >= 61, wheel, cffi; setup.py builds the bundled src/libsodium with configure and make unless SODIUM_INSTALL=system (the default, which the curated entry describes)",
  },
  pymssql: {
    repository: "pymssql/pymssql",
    tag: "v2.3.13",
    backends: ["python3-setuptools", "python3-wheel", "python3-setuptools-scm", "cython3", "python3-tomli"],
    scmVersionFromTag: true,
    tagOn: {
      bookworm: {
        tag: "v2.2.6",
        why: "2.3 needs Cython >= 3.0.7 and 2.2.7 to 2.2.11 setuptools_scm < 7 (pyproject.toml); bookworm has cython3 0.29.32 and setuptools-scm 7.1.0; v2.2.6 asks for Cython >= 0.29.22, setuptools_scm >= 5.0",
      },
      trixie: {
        tag: "v2.3.2",
        why: "2.3.5 on need Cython >= 3.1.0 and setuptools > 80, 2.3.3 and 2.3.4 setuptools < 70.3 (pyproject.toml); trixie has cython3 3.0.11 and setuptools 78.1.1; v2.3.2 asks for Cython >= 3.0.10, setuptools >= 54",
      },
    },
    source: "pyproject.toml [build-system] requires setuptools, setuptools_scm, wheel, Cython (FreeTDS from freetds-dev)",
  },
  pycairo: {
    repository: "pygobject/pycairo",
    tag: "v1.29.0",
    backends: ["python3-mesonpy", "meson", "ninja-build"],
    tagOn: {
      bookworm: {
        tag: "v1.26.1",
        why: "1.27 on build with meson-python >= 0.16.0 (pyproject.toml); bookworm's python3-mesonpy is 0.12.0; v1.26.1 is the last setuptools tag (setup.py, pkg-config for cairo >= 1.15.10)",
        backends: ["python3-setuptools", "python3-wheel"],
      },
    },
    source: "pyproject.toml [build-system] build-backend mesonpy, requires meson-python >= 0.16.0 (meson.build: cairo >= 1.15.10 with pkg-config); v1.26.1 and older: setuptools",
  },
  httptools: {
    repository: "MagicStack/httptools",
    tag: "v0.8.0",
    backends: ["python3-setuptools", "python3-wheel", "cython3"],
    submodules: { "vendor/llhttp": "nodejs/llhttp", "vendor/http-parser": "nodejs/http-parser" },
    tagOn: {
      bookworm: { tag: "v0.6.4", why: "0.7 on need setuptools >= 80.9.0 (pyproject.toml) and Cython >= 3.1.0 (setup.py); bookworm has 66.1.1 and 0.29.32; v0.6.4 asks for Cython >= 0.29.24" },
      trixie: { tag: "v0.6.4", why: "0.7 on need setuptools >= 80.9.0 (pyproject.toml) and Cython >= 3.1.0 (setup.py); trixie has 78.1.1 and 3.0.11; v0.6.4 asks for Cython >= 0.29.24" },
    },
    source: "pyproject.toml [build-system] requires setuptools; setup.py cythonizes and compiles vendor/llhttp and vendor/http-parser (git submodules, .gitmodules)",
  },
  uvloop: {
    repository: "MagicStack/uvloop",
    tag: "v0.22.1",
    backends: ["python3-setuptools", "python3-wheel", "cython3"],
    submodules: { "vendor/libuv": "libuv/libuv" },
    prepare: {
      packages: ["autoconf", "automake", "libtool", "make"],
      command: "cd vendor/libuv && sh autogen.sh",
      why: "the sdist ships vendor/libuv/configure, which setup.py's sdist command makes with libuv's autogen.sh; the git tree has none",
    },
    tagOn: {
      bookworm: { tag: "v0.17.0", why: "0.18 to 0.20 need Cython >= 0.29.36 and 0.21 on Cython 3 (pyproject.toml); bookworm's cython3 is 0.29.32; v0.17.0 asks for Cython >= 0.29.32, < 0.30 (setup.py)" },
      trixie: { tag: "v0.21.0", why: "0.22 needs Cython ~= 3.1 (pyproject.toml); trixie's cython3 is 3.0.11; v0.21.0 asks for Cython ~= 3.0" },
    },
    source: "pyproject.toml [build-system] requires setuptools, wheel, Cython; setup.py builds vendor/libuv (git submodule) with configure and make, as the curated entry says (no --use-system-libuv)",
  },
  oracledb: {
    repository: "oracle/python-oracledb",
    tag: "v4.0.2",
    backends: ["python3-setuptools", "python3-wheel", "cython3"],
    submodules: { "src/oracledb/impl/thick/odpi": "oracle/odpi" },
    tagOn: {
      trixie: { tag: "v3.2.0", why: "3.3 on pin Cython 3.1 or 3.2 (pyproject.toml); trixie's cython3 is 3.0.11; v3.2.0 asks for setuptools >= 77.0.0 and an unpinned Cython" },
    },
    unbuildableOn: {
      bookworm: "3.1 on need setuptools >= 77.0.0 (pyproject.toml) and 2.0.1 on Cython >= 3.0 (doc/src/release_notes.rst); v3.0.0 and v2.0.0, which pin neither, do not cythonize with bookworm's cython3 0.29.32 either (cimported module has no attribute 'PyUnicode_READ', a Cython 3 declaration)",
    },
    source: "pyproject.toml [build-system] requires setuptools, wheel, cython; ODPI-C is the git submodule src/oracledb/impl/thick/odpi (.gitmodules: ../odpi.git, i.e. oracle/odpi)",
  },
  uwsgi: {
    repository: "unbit/uwsgi",
    tag: "2.0.30",
    backends: ["python3-setuptools", "python3-wheel"],
    program: { name: "uwsgi", args: ["--version"] },
    source: "setup.py (no pyproject.toml): uwsgiconfig.py builds the uwsgi program with buildconf/default.ini (pcre = auto, via pcre2-config) into the wheel's scripts",
  },
  pyzmq: {
    repository: "zeromq/pyzmq",
    tag: "v27.2.0",
    backends: ["cython3", "python3-scikit-build-core", "python3-packaging", "cmake", "ninja-build"],
    // Without libzmq the build downloads and bundles its own: forbidden, so a builder list lacking libzmq fails here.
    configSettings: ["cmake.define.PYZMQ_NO_BUNDLE=ON"],
    env: { CMAKE_BUILD_PARALLEL_LEVEL: "2" },
    tagOn: {
      bookworm: {
        tag: "v25.1.2",
        why: "v26+ build with scikit-build-core and Cython >= 3 (pyproject.toml); bookworm has no python3-scikit-build-core and its cython3 is 0.29.32; v25.1.2 is the last setuptools release (cython>=0.29 on Python 3.11)",
        backends: ["python3-setuptools", "python3-wheel", "python3-setuptools-scm", "python3-packaging", "cython3"],
        configSettings: [],
        env: { SETUPTOOLS_SCM_PRETEND_VERSION: "25.1.2" },
      },
    },
    source: "pyproject.toml [build-system] requires cython>=3.0.0, packaging, scikit-build-core>=0.10; CMakeLists.txt finds libzmq (CMake config, then pkg-config) or bundles it unless PYZMQ_NO_BUNDLE",
  },
  pygobject: {
    repository: "GNOME/pygobject",
    tag: "3.57.0",
    backends: ["python3-mesonpy", "meson", "ninja-build", "python3-cairo", "python3-cairo-dev"],
    parts: { "3.57.0": [{ path: "subprojects/pythoncapi-compat", repository: "python/pythoncapi-compat", commit: "22811c3f0e69908894d2bd724f572b32667f2141" }] },
    configSettings: ["compile-args=-j2"],
    tagOn: {
      bookworm: {
        tag: "3.46.0",
        why: "3.51+ need girepository-2.0 from GLib >= 2.80 (bookworm: 2.74); 3.47-3.50 build with meson-python >= 0.12.1 (bookworm: 0.12.0); 3.46.0 is the last setuptools release (pyproject.toml)",
        backends: ["python3-setuptools", "python3-wheel", "python3-cairo", "python3-cairo-dev"],
        configSettings: [],
      },
    },
    source: "pyproject.toml [build-system] requires meson-python>=0.12.1, pycairo>=1.16 (Debian's python3-cairo and python3-cairo-dev stand for pycairo); meson.build needs girepository-2.0 >= 2.80 and always uses subprojects/pythoncapi-compat.wrap (wrap-git, revision 22811c3f; the sdist holds it)",
  },
  pandas: {
    repository: "pandas-dev/pandas",
    tag: "v2.2.3",
    backends: ["python3-mesonpy", "meson", "ninja-build", "cython3", "python3-numpy", "python3-versioneer"],
    debianOrig: {
      release: "trixie",
      source: "pandas",
      version: "2.2.3+dfsg-9",
      why: "the pandas-dev/pandas snapshot (1.5 GB) is over the fetch limit and the forks here lack the release branches; Debian's orig is uscan's git export of tag v2.2.3 minus doc/source/user_guide/cookbook.rst, .gitignore and .gitattributes (debian/copyright Files-Excluded)",
    },
    // generate_version.py reads _version_meson.py (what the sdist holds) before asking versioneer, which needs .git.
    sdistFiles: { "_version_meson.py": '__version__="2.2.3"\n__git_version__=""\n' },
    unbuildableOn: { bookworm: "pandas 2 needs Cython 3 and numpy >= 2.0 to build (pyproject.toml); bookworm has cython3 0.29.32 and numpy 1.24.2" },
    configSettings: ["compile-args=-j2"],
    source: "pyproject.toml [build-system] requires meson-python==0.13.1, meson==1.2.1, wheel, Cython~=3.0.5, numpy>=2.0, versioneer[toml] (trixie: meson-python 0.17.1, meson 1.7.0, Cython 3.0.11, numpy 2.2.4; pins are not enforced without build isolation)",
  },
  matplotlib: {
    repository: "matplotlib/matplotlib",
    tag: "v3.10.9",
    backends: ["python3-mesonpy", "meson", "ninja-build", "python3-pybind11", "pybind11-dev", "python3-setuptools-scm", "python3-numpy"],
    from: {
      repository: "williamlus/matplotlib",
      // The "REL: v3.10.9" commit, which the tag names.
      commits: { "v3.10.9": "dd8d78b8dce60b6c8db86132892577a0b9dbe469" },
      why: "the matplotlib/matplotlib snapshot (873 MB) is over the fetch limit; this fork shares its history (no tags)",
    },
    // The default configuration (bundled FreeType and Qhull, what the curated entry describes): meson copies an
    // unpacked subprojects/packagecache/<directory> and applies the wrap's patch_directory, without the download the
    // wrap would make (no network here). Git trees of the same versions stand for the release tarballs.
    parts: {
      "v3.10.9": [
        { path: "subprojects/packagecache/freetype-2.6.1", repository: "freetype/freetype", commit: "8cabd919ca63f0e6c12e8405e8542a45d910fa62" },
        { path: "subprojects/packagecache/qhull-8.0.2", repository: "qhull/qhull", commit: "613debeaea72ee66626dace9ba1a2eff11b5d37d" },
      ],
    },
    env: { SETUPTOOLS_SCM_PRETEND_VERSION: "3.10.9" },
    unbuildableOn: { bookworm: "v3.10 needs meson-python >= 0.13.1 and pybind11 >= 2.13.2 (pyproject.toml); bookworm has python3-mesonpy 0.12.0 and pybind11 2.10.3" },
    configSettings: ["compile-args=-j2"],
    source: "pyproject.toml [build-system] requires meson-python>=0.13.1,<0.17.0 (trixie has 0.17.1; v3.11.0 excludes 0.17.* too, for sdist symlinks only), pybind11>=2.13.2, setuptools_scm>=7; meson.options system-freetype/system-qhull default false: subprojects/freetype-2.6.1.wrap and qhull.wrap (wrap-file downloads)",
  },
  "scikit-learn": {
    repository: "scikit-learn/scikit-learn",
    tag: "1.7.0",
    backends: ["python3-mesonpy", "meson", "ninja-build", "cython3", "python3-numpy", "python3-scipy"],
    from: {
      repository: "jeremiedbb/scikit-learn",
      // The "[cd build]" release commit on the fork's 1.7.X branch after "set version" (sklearn/__init__.py: 1.7.0).
      commits: { "1.7.0": "5194440b5d41e73ff436c45e35aa1476223f753c" },
      why: "the scikit-learn/scikit-learn snapshot (788 MB) is over the fetch limit; this fork shares its history and has the 1.7.X branch (not 1.7.1+ or 1.8)",
    },
    unbuildableOn: { bookworm: "1.7 needs meson-python >= 0.16.0, Cython >= 3.0.10 and numpy >= 2 (pyproject.toml); bookworm has python3-mesonpy 0.12.0, cython3 0.29.32 and numpy 1.24.2" },
    configSettings: ["compile-args=-j2"],
    source: "pyproject.toml [build-system] requires meson-python>=0.16.0,<0.19.0, Cython>=3.0.10,<3.2.0, numpy>=2,<2.3.0, scipy>=1.8.0,<1.16.0 (trixie: 0.17.1, 3.0.11, 2.2.4, 1.15.3); meson.build: dependency('OpenMP')",
  },
  numpy: {
    repository: "numpy/numpy",
    tag: "v2.5.2",
    backends: ["python3-mesonpy", "ninja-build", "cython3"],
    exclude: ["doc/source/_static/scipy-mathjax"],
    tagOn: {
      trixie: {
        tag: "v2.2.5",
        why: "v2.4.0+ need meson-python >= 0.18.0 (trixie: 0.17.1) and v2.5 Cython >= 3.1.0 (3.0.11); of the tags trixie accepts, v2.2.6 to v2.3.5 pin a vendored-meson commit the numpy/meson snapshot lacks (it ends in October 2024), and v2.3.3+ an SVML commit the numpy/SVML snapshot lacks",
      },
    },
    unbuildableOn: { bookworm: "numpy 2 needs Cython >= 3.0.6 (pyproject.toml); bookworm's cython3 is 0.29.32" },
    // Submodules at v2.2.5's gitlinks (git ls-tree); the mathjax one is documentation only, left out above.
    parts: {
      "v2.2.5": [
        { path: "numpy/_core/src/common/pythoncapi-compat", repository: "python/pythoncapi-compat", commit: "0f1d42a10a3f594ad48894912396df31b2c2d55d" },
        { path: "numpy/_core/src/highway", repository: "google/highway", commit: "0b696633f9ad89497dd5532b55eaa01625ad71ca" },
        { path: "numpy/_core/src/npysort/x86-simd-sort", repository: "intel/x86-simd-sort", commit: "9a1b616d5cd4eaf49f7664fb86ccc1d18bad2b8d" },
        { path: "numpy/_core/src/umath/svml", repository: "numpy/SVML", commit: "32bf2a98420762a63ab418aaa0a7d6e17eb9627a" },
        { path: "numpy/fft/pocketfft", repository: "mreineck/pocketfft", commit: "33ae5dc94c9cdc7f1c78346504a85de87cadaa12" },
        { path: "vendored-meson/meson", repository: "numpy/meson", commit: "0d93515fb826440d19707eee47fd92655fe2f166" },
      ],
    },
    configSettings: ["compile-args=-j2"],
    source: "pyproject.toml [build-system] requires meson-python>=0.15.0, Cython>=3.0.6 (v2.2.5; v2.4.0: meson-python>=0.18.0; v2.5.0: Cython>=3.1.0), [tool.meson-python] meson = vendored-meson/meson/meson.py; meson.options blas/lapack auto (pkg-config finds openblas)",
  },
};

/** Curated compiled entries the build check cannot build here, and why (checked against each project's tree). */
export const NOT_BUILDABLE: Readonly<Record<string, string>> = {
  bcrypt: "Rust extension (pyo3): cargo needs crates.io, which is unreachable",
  cryptography: "Rust extension (maturin/pyo3): cargo needs crates.io, which is unreachable",
  scipy: "v1.17.1 is the newest tag trixie accepts (v1.18 needs Cython >= 3.2.0); its submodule subprojects/highs pins scipy/HiGHs 4f96ee8f40b2, and no snapshot of scipy/HiGHs can be had here (ERGO-Code/HiGHS lacks that commit). The other submodules (unuran, array-api-compat/-extra, pocketfft, cobyqa, boost math, xsf) are present at their commits. Even assembled, its C++/Fortran compile is well over the 20 CPU-minute budget of these 2 shared cores",
  grpcio: "not attempted: third_party/ holds its git submodules (abseil-cpp, boringssl-with-bazel, cares, re2, zlib, ...), each to be fetched at its pinned commit, and compiling gRPC core with BoringSSL is far beyond the CPU budget of these 2 shared cores",
  "opencv-python": "not attempted: opencv, opencv_contrib and multibuild are git submodules (.gitmodules) and the build compiles all of OpenCV, far beyond the CPU budget of these 2 shared cores",
  "opencv-python-headless": "the same tree as opencv-python (git submodules, all of OpenCV)",
  pyarrow: "the build compiles against Arrow C++ (libarrow, libparquet), which Debian does not package (no libarrow-dev in bookworm or trixie main), and pyarrow's own tree does not build it",
  gdal: "the Python bindings build inside GDAL's own CMake tree and must match libgdal's version exactly",
};
