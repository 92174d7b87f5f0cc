import type { PackageKnowledge } from "../types";
import { ALL, ALPINE_FROM_APORTS, NONE, PKG_CONFIG, need, perTarget, sameDebian, wheels } from "./builders";

/**
 * Entries written by the group-a author; see types.ts for the meaning of each field.
 *
 * Debian names were checked with apt-cache against the bullseye, bookworm and trixie main
 * indices (binary + deb-src), using Debian's own python3-<x> packaging (Build-Depends of the
 * source package, Depends of the binary) as evidence. Alpine names come from aports
 * (alpinelinux/aports APKBUILDs / knowledge), not from a package index.
 */

const LIBPQ_DEV = sameDebian(["libpq-dev"], ["libpq-dev"]);
const LIBPQ = sameDebian(["libpq5"], ["libpq"]);

export const PYODBC: PackageKnowledge = {
  name: "pyodbc",
  display: "pyodbc",
  summary: "DB API 2.0 module for ODBC databases (C++ extension over unixODBC).",
  toolchains: ["c++"],
  needs: [
    need("build", "source", sameDebian(["unixodbc-dev"], ["unixodbc-dev"]), "ODBC headers (sql.h) and odbc_config to compile the extension"),
    need(
      "runtime",
      "always",
      perTarget(["libodbc1"], ["libodbc2"], ["libodbc2"], ["unixodbc"]),
      "the wheel links to the system unixODBC driver manager (libodbc.so.2), which it does not bundle",
    ),
  ],
  // Linux wheels: manylinux x86_64 + aarch64 only (CIBW_BUILD "cp*-manylinux_x86_64* cp*-manylinux_aarch64*").
  wheels: wheels(ALL, NONE, "3.10", "3.14"),
  notes: [
    "pyodbc's Linux wheels deliberately exclude libodbc.so.2 and libltdl.so.7 (auditwheel --exclude), so the unixODBC runtime is needed even with the wheel.",
    "You also need an ODBC driver for your database, e.g. Microsoft's msodbcsql18 from Microsoft's package repository, which Wheelwright cannot add for you.",
    "No musllinux wheels were found in the project's build configuration (an issue asking for them, #1429, exists); on Alpine expect a source build.",
  ],
  sources: [
    "Debian: Build-Depends of source pyodbc (unixodbc-dev) in bullseye/bookworm/trixie (apt-cache showsrc pyodbc)",
    "Debian: Depends of python3-pyodbc: libodbc1 (bullseye), libodbc2 (bookworm, trixie)",
    "mkleehammer/pyodbc .github/workflows/artifacts_build.yml (cibuildwheel; auditwheel repair --exclude libodbc.so.2 --exclude libltdl.so.7) (search corpus)",
    "mkleehammer/pyodbc issue #1444: Python 3.14 wheels published Oct 2025. CPython minimum not confirmed from the latest config; 3.10 chosen conservatively",
    "alpinelinux/aports main/unixodbc/APKBUILD: a single unixodbc package (plus -dev, -static) holds the library",
    ALPINE_FROM_APORTS,
  ],
};

export const PSYCOPG2: PackageKnowledge = {
  name: "psycopg2",
  display: "psycopg2",
  summary: "PostgreSQL adapter for Python (C extension over libpq).",
  toolchains: ["c"],
  needs: [
    need("build", "source", LIBPQ_DEV, "libpq headers and pg_config to compile the extension"),
    need("runtime", "source", LIBPQ, "the compiled extension links against libpq at run time"),
  ],
  wheels: wheels(NONE, NONE, "3.9", "3.14"),
  notes: [
    "psycopg2 publishes no Linux wheels (sdist only on Linux; Windows wheels only), so it is always compiled in the builder stage.",
    "pg_config must be on PATH during the build; on Debian it comes with libpq-dev.",
  ],
  sources: [
    "Debian: Build-Depends of source psycopg2 (libpq-dev) and Depends of python3-psycopg2 (libpq5) in bullseye/bookworm/trixie",
    "psycopg/psycopg2 .github/workflows/packages.yml: Linux wheels are built only with PACKAGE_NAME=psycopg2-binary; psycopg2 wheels only on Windows (search corpus)",
    ALPINE_FROM_APORTS,
  ],
};

export const PSYCOPG2_BINARY: PackageKnowledge = {
  name: "psycopg2-binary",
  display: "psycopg2-binary",
  summary: "Self-contained build of psycopg2 with libpq and OpenSSL bundled in the wheel.",
  toolchains: ["c"],
  needs: [
    need("build", "source", LIBPQ_DEV, "libpq headers and pg_config to compile the extension"),
    need("runtime", "source", LIBPQ, "a source-built extension links against libpq at run time"),
  ],
  wheels: wheels(ALL, ALL, "3.9", "3.14"),
  notes: [
    "psycopg2-binary is not meant for production per psycopg's documentation: build psycopg2 from source instead (or move to psycopg 3).",
    "The wheels bundle libpq and OpenSSL (auditwheel), so nothing is needed at run time when a wheel is used.",
  ],
  sources: [
    "psycopg/psycopg2 .github/workflows/packages.yml: platform [manylinux, musllinux] x arch [x86_64, aarch64, ppc64le, riscv64] x pyver cp39..cp314, PACKAGE_NAME=psycopg2-binary (search corpus)",
    "Debian: Build-Depends of source psycopg2 and Depends of python3-psycopg2 (libpq-dev / libpq5) for the source-build case",
    ALPINE_FROM_APORTS,
  ],
};

export const PSYCOPG: PackageKnowledge = {
  name: "psycopg",
  display: "psycopg",
  summary: "Psycopg 3, the PostgreSQL adapter; the base package is pure Python and loads libpq at run time.",
  toolchains: [],
  needs: [
    need("runtime", "always", LIBPQ, "the pure-Python implementation loads libpq (libpq.so.5) with ctypes at run time"),
  ],
  wheels: { ...wheels(ALL, ALL, "3.10", "3.14"), pure: true },
  binaryExtra: "binary",
  notes: [
    "Without an extra, psycopg is pure Python and needs the system libpq at run time.",
    "psycopg[binary] installs psycopg-binary, whose wheels (manylinux and musllinux, x86_64 and aarch64) bundle libpq: no system packages needed.",
    "psycopg[c] builds the C speedups from source and needs libpq-dev and a C compiler in the builder.",
  ],
  sources: [
    "Debian: Depends of python3-psycopg (libpq5) in bookworm/trixie (source psycopg3)",
    "psycopg/psycopg .github/workflows/packages-bin.yml: psycopg-binary for manylinux/musllinux x x86_64/aarch64/ppc64le/riscv64, cp310..cp315 (search corpus)",
    ALPINE_FROM_APORTS,
  ],
};

export const MYSQLCLIENT: PackageKnowledge = {
  name: "mysqlclient",
  display: "mysqlclient",
  summary: "MySQL/MariaDB database connector (MySQLdb), a C extension over libmysqlclient/libmariadb.",
  toolchains: ["c"],
  needs: [
    need(
      "build",
      "source",
      perTarget(["default-libmysqlclient-dev"], ["default-libmysqlclient-dev"], ["default-libmysqlclient-dev"], ["mariadb-connector-c-dev"]),
      "MySQL/MariaDB client headers and the mysqlclient.pc / mariadb_config used to compile the extension",
    ),
    need("build", "source", PKG_CONFIG, "mysqlclient >= 2.2 locates the client library with pkg-config"),
    need("runtime", "source", sameDebian(["libmariadb3"], ["mariadb-connector-c"]), "the compiled extension links against the MariaDB client library at run time"),
  ],
  wheels: wheels(NONE, NONE, "3.9", "3.14"),
  notes: [
    "mysqlclient publishes no Linux wheels (only Windows), so it is always compiled from the sdist.",
    "Since 2.2, the build uses pkg-config to find the client library; without pkg-config the build fails unless MYSQLCLIENT_CFLAGS/MYSQLCLIENT_LDFLAGS are set.",
  ],
  sources: [
    "Debian: Build-Depends of source python-mysqldb (default-libmysqlclient-dev) and Depends of python3-mysqldb (libmariadb3) in bullseye/bookworm/trixie",
    "PyMySQL/mysqlclient .github/workflows: only windows.yaml builds wheels; no Linux wheel workflow (search corpus)",
    ALPINE_FROM_APORTS,
  ],
};

export const MARIADB: PackageKnowledge = {
  name: "mariadb",
  display: "mariadb",
  summary: "MariaDB Connector/Python (1.1.x stable: C extension over MariaDB Connector/C).",
  toolchains: ["c"],
  needs: [
    need("build", "source", sameDebian(["libmariadb-dev"], ["mariadb-connector-c-dev"]), "MariaDB Connector/C headers and mariadb_config to compile the extension"),
    need("runtime", "source", sameDebian(["libmariadb3"], ["mariadb-connector-c"]), "the compiled extension links against libmariadb at run time"),
  ],
  wheels: wheels(NONE, NONE, "3.10", "3.14"),
  notes: [
    "The stable 1.1 series publishes wheels for Windows only; on Linux it is compiled from the sdist and needs mariadb_config (libmariadb-dev) on PATH.",
    "The install docs require a recent MariaDB Connector/C (3.2.4 or later for 1.1); bullseye's libmariadb-dev comes from MariaDB 10.5 and may be too old.",
    "2.0 (a release candidate, pip install --pre) splits into pure-Python mariadb, mariadb-c and mariadb-binary (self-contained wheels).",
  ],
  sources: [
    "Debian trixie: Build-Depends of source mariadb-connector-python (libmariadb-dev) and Depends of python3-mariadb-connector (libmariadb3); libmariadb-dev/libmariadb3 exist in bullseye/bookworm/trixie",
    "mariadb-corporation/mariadb-connector-python doc/source/install.rst (binary wheels for Windows only) and .github/workflows/release.yml (2.0 packaging) (search corpus)",
    "mariadb.com docs: 2.0 is a release candidate, 1.1 is the latest GA release (search corpus docs)",
    ALPINE_FROM_APORTS,
  ],
};

export const PYMSSQL: PackageKnowledge = {
  name: "pymssql",
  display: "pymssql",
  summary: "Microsoft SQL Server adapter built on FreeTDS (Cython extension).",
  toolchains: ["c"],
  needs: [
    need("build", "source", sameDebian(["freetds-dev"], ["freetds-dev"]), "FreeTDS (db-lib) headers to compile the extension"),
    need("runtime", "source", sameDebian(["libsybdb5"], ["freetds"]), "the compiled extension links against FreeTDS's libsybdb at run time"),
  ],
  wheels: wheels(ALL, ALL, "3.9", "3.14"),
  notes: ["The wheels bundle FreeTDS (built statically in the wheel build), so nothing is needed at run time with a wheel."],
  sources: [
    "Debian: Build-Depends of source pymssql (freetds-dev) and Depends of python3-pymssql (libsybdb5) in bullseye/bookworm/trixie",
    "pymssql/pymssql .github/workflows/build_wheels.yml: cibuildwheel over all Linux x86_64 identifiers (manylinux and musllinux) plus ubuntu-24.04-arm (aarch64), no skips in pyproject.toml (search corpus)",
    "musllinux wheels and the CPython range are inferred from cibuildwheel defaults, not from a published file list",
    ALPINE_FROM_APORTS,
  ],
};

export const ORACLEDB: PackageKnowledge = {
  name: "oracledb",
  display: "oracledb",
  summary: "Oracle Database driver (Cython); thin mode needs no Oracle client libraries.",
  toolchains: ["c"],
  needs: [],
  wheels: wheels(ALL, NONE, "3.9", "3.14"),
  notes: [
    "The default thin mode talks to the database directly; nothing system-level is needed.",
    "Thick mode (oracledb.init_oracle_client()) needs Oracle Instant Client, which is not in Debian or Alpine and must be added by hand (it also needs libaio: libaio1 on bullseye/bookworm, libaio1t64 on trixie).",
    "No musllinux wheels: the maintainers declined Alpine wheels (issue #541), so Alpine builds from source.",
  ],
  sources: [
    "oracle/python-oracledb .github/workflows/build.yaml: manylinux_2_28 x86_64 and aarch64, cp39..cp314 (search corpus)",
    "oracle/python-oracledb issue #541 (Build for alpine: declined)",
    "Debian bookworm/trixie: Build-Depends of source python-oracledb list no C libraries; Depends of python3-oracledb only libc6",
  ],
};

export const NUMPY: PackageKnowledge = {
  name: "numpy",
  display: "numpy",
  summary: "N-dimensional arrays and numerical computing.",
  toolchains: ["c", "c++"],
  needs: [
    need("build", "source", sameDebian(["libopenblas-dev"], ["openblas-dev"]), "BLAS/LAPACK (OpenBLAS) for linear algebra; without it numpy builds a slow fallback"),
    need("build", "source", PKG_CONFIG, "meson finds OpenBLAS through pkg-config"),
    need("runtime", "source", sameDebian(["libopenblas0"], ["openblas"]), "a source-built numpy links against OpenBLAS at run time"),
  ],
  wheels: wheels(ALL, ALL, "3.12", "3.14"),
  notes: ["The wheels bundle OpenBLAS (scipy-openblas), so nothing is needed at run time with a wheel."],
  sources: [
    "NumPy 2.5.0 release notes (June 2026): supports Python 3.12-3.14, drops 3.11 (search corpus docs)",
    "numpy/numpy pyproject.toml [tool.cibuildwheel] (manylinux and musllinux images) (search corpus)",
    "Debian: Build-Depends of source numpy (libblas-dev, liblapack-dev) and Depends of python3-numpy (libblas3, liblapack3); libopenblas-dev/libopenblas0 exist in all three releases",
    ALPINE_FROM_APORTS,
  ],
};

export const SCIPY: PackageKnowledge = {
  name: "scipy",
  display: "SciPy",
  summary: "Scientific computing: optimisation, linear algebra, signal processing, statistics.",
  toolchains: ["c", "c++", "fortran"],
  needs: [
    need("build", "source", sameDebian(["libopenblas-dev"], ["openblas-dev"]), "BLAS/LAPACK (OpenBLAS) headers and libraries to compile against"),
    need("build", "source", PKG_CONFIG, "meson finds BLAS/LAPACK through pkg-config"),
    need("runtime", "source", sameDebian(["libopenblas0", "libgfortran5"], ["openblas", "libgfortran"]), "a source-built scipy links against OpenBLAS and the Fortran runtime"),
  ],
  wheels: wheels(ALL, ALL, "3.12", "3.14"),
  notes: [
    "The wheels bundle OpenBLAS and libgfortran.",
    "A source build needs a Fortran compiler and takes a long time; prefer a Python version that has wheels.",
  ],
  sources: [
    "scipy/scipy .github/workflows/wheels.yml: manylinux and musllinux for x86_64 and aarch64 (search corpus)",
    "Debian: Build-Depends of source scipy (gfortran, libblas-dev, liblapack-dev, pkg-config/pkgconf) and Depends of python3-scipy (libgfortran5, libblas3, liblapack3)",
    "CPython range of the latest release not confirmed; 3.12 minimum chosen conservatively (NumPy, its dependency, now needs 3.12)",
    ALPINE_FROM_APORTS,
  ],
};

export const PANDAS: PackageKnowledge = {
  name: "pandas",
  display: "pandas",
  summary: "Data analysis and manipulation library (DataFrame).",
  toolchains: ["c", "c++"],
  needs: [],
  wheels: wheels(ALL, ALL, "3.11", "3.14"),
  notes: ["No system libraries are needed; a source build needs only C/C++ compilers (and numpy, installed by pip)."],
  sources: [
    "pandas-dev/pandas pyproject.toml: requires-python >=3.11, classifiers 3.11-3.14, [tool.cibuildwheel] with a musllinux override (search corpus)",
    "Debian: Depends of python3-pandas-lib list only libc6/libstdc++6/libgcc-s1",
  ],
};

export const MATPLOTLIB: PackageKnowledge = {
  name: "matplotlib",
  display: "matplotlib",
  summary: "2D plotting library.",
  toolchains: ["c", "c++"],
  needs: [],
  wheels: wheels(ALL, [true, false], "3.11", "3.14"),
  notes: [
    "By default a source build downloads and compiles its own FreeType and Qhull, so no -dev packages are required (building against system libraries is optional).",
    "No musllinux aarch64 wheels (skipped in the wheel build).",
  ],
  sources: [
    "matplotlib/matplotlib .github/workflows/cibuildwheel.yml: CIBW_SKIP \"*-musllinux_aarch64\" (search corpus; an older stored version)",
    "Debian: Build-Depends of source matplotlib (libfreetype-dev/libfreetype6-dev, libqhull-dev) are for building against system libraries",
    "CPython range of the latest release not confirmed; 3.11 minimum chosen conservatively",
  ],
};

export const H5PY: PackageKnowledge = {
  name: "h5py",
  display: "h5py",
  summary: "Pythonic interface to the HDF5 binary data format.",
  toolchains: ["c"],
  needs: [
    need("build", "source", sameDebian(["libhdf5-dev"], ["hdf5-dev"]), "HDF5 headers and libraries to compile against"),
    need("build", "source", PKG_CONFIG, "h5py finds HDF5 through pkg-config"),
    need(
      "runtime",
      "source",
      perTarget(["libhdf5-103-1", "libhdf5-hl-100"], ["libhdf5-103-1", "libhdf5-hl-100"], ["libhdf5-310", "libhdf5-hl-310"], ["hdf5"]),
      "a source-built h5py links against the HDF5 shared libraries",
    ),
  ],
  wheels: wheels(ALL, ALL, "3.10", "3.14"),
  notes: [
    "The wheels bundle HDF5.",
    "HDF5 sonames differ per Debian release (libhdf5-103-1 in bullseye/bookworm, libhdf5-310 in trixie).",
    "Debian installs the serial HDF5 under /usr/lib/<triplet>/hdf5/serial; if the build cannot find it, set HDF5_DIR or use pkg-config's hdf5 entry.",
  ],
  sources: [
    "h5py/h5py pyproject.toml: requires-python >=3.10, classifiers to 3.14, [tool.cibuildwheel] manylinux and musllinux images for x86_64 and aarch64 (search corpus)",
    "Debian: Build-Depends of source h5py (libhdf5-dev, pkg-config/pkgconf) and Depends of python3-h5py-serial (libhdf5-103-1 + libhdf5-hl-100 in bullseye/bookworm; libhdf5-310 + libhdf5-hl-310 in trixie)",
    "musllinux wheels inferred from the cibuildwheel image settings, not from a published file list",
    ALPINE_FROM_APORTS,
  ],
};

export const PYARROW: PackageKnowledge = {
  name: "pyarrow",
  display: "pyarrow",
  summary: "Python bindings for Apache Arrow (columnar data, Parquet).",
  toolchains: ["c", "c++"],
  needs: [],
  wheels: wheels(ALL, NONE, "3.10", "3.14"),
  notes: [
    "A source build needs the Arrow C++ libraries (libarrow) of the same version and CMake; Debian does not package Arrow C++ in main, so a source build is impractical. Use a Python version and platform with wheels.",
    "No musllinux wheels were confirmed (apache/arrow issue #18036 asked for Alpine wheels); on Alpine pip tries a source build that usually fails.",
  ],
  sources: [
    "apache/arrow issues #18036, #39846, #43731 (no musl wheels, source builds on Alpine fail) (search corpus issues)",
    "Debian: no source package builds pyarrow or libarrow in bullseye/bookworm/trixie main (apt-cache showsrc arrow: not found)",
    "manylinux coverage and CPython range from general knowledge of the PyPI file list, not re-verified here",
  ],
};

export const LXML: PackageKnowledge = {
  name: "lxml",
  display: "lxml",
  summary: "XML and HTML processing over libxml2 and libxslt.",
  toolchains: ["c"],
  needs: [
    need("build", "source", sameDebian(["libxml2-dev", "libxslt1-dev"], ["libxml2-dev", "libxslt-dev"]), "libxml2 and libxslt headers (xml2-config, xslt-config) to compile the extension"),
    need("runtime", "source", sameDebian(["libxml2", "libxslt1.1"], ["libxml2", "libxslt"]), "a source-built lxml links against libxml2 and libxslt at run time"),
  ],
  wheels: wheels(ALL, ALL, "3.9", "3.14"),
  notes: ["The wheels bundle their own libxml2 and libxslt (statically linked)."],
  sources: [
    "Debian: Build-Depends of source lxml (libxml2-dev, libxslt1-dev, zlib1g-dev) and Depends of python3-lxml (libxml2, libxslt1.1) in bullseye/bookworm/trixie",
    "lxml/lxml .github/workflows/wheels.yml (manylinux and musllinux for x86_64 and aarch64); CPython range from general knowledge, not re-verified",
    ALPINE_FROM_APORTS,
  ],
};

export const XMLSEC: PackageKnowledge = {
  name: "xmlsec",
  display: "xmlsec",
  summary: "Python bindings for the XML Security Library (XML signatures and encryption).",
  toolchains: ["c"],
  needs: [
    need("build", "source", sameDebian(["libxmlsec1-dev"], ["xmlsec-dev"]), "xmlsec1, libxml2 and OpenSSL headers to compile the extension"),
    need("build", "source", PKG_CONFIG, "the build finds xmlsec1 with pkg-config"),
    need(
      "runtime",
      "source",
      perTarget(
        ["libxmlsec1", "libxmlsec1-openssl", "libxml2"],
        ["libxmlsec1", "libxmlsec1-openssl", "libxml2"],
        ["libxmlsec1t64", "libxmlsec1t64-openssl", "libxml2"],
        ["xmlsec", "libxml2"],
      ),
      "a source-built xmlsec links against libxmlsec1 (OpenSSL backend) and libxml2",
    ),
  ],
  wheels: wheels(ALL, ALL, "3.14", "3.14"),
  notes: [
    "xmlsec checks at import that it and lxml use the same libxml2; a source-built xmlsec with an lxml wheel fails with 'lxml & xmlsec libxml2 library version mismatch'. If xmlsec is built from source, build lxml from source too (pip install --no-binary lxml) against the same system libxml2.",
    "The wheels (PYXMLSEC_STATIC_DEPS) bundle libxml2/xmlsec1 and only match the lxml release they were built against (e.g. xmlsec 1.3.16 wheels with lxml 6.0.0).",
    "The latest wheel build configuration seen lists only cp314; older CPythons are treated as source builds to be safe.",
  ],
  sources: [
    "Debian: Build-Depends of source python-xmlsec (libxmlsec1-dev) and Depends of python3-xmlsec: libxmlsec1 + libxmlsec1-openssl (bookworm), libxmlsec1t64 + libxmlsec1t64-openssl (trixie); libxmlsec1/libxmlsec1-openssl exist in bullseye",
    "xmlsec/python-xmlsec pyproject.toml [tool.cibuildwheel]: build [\"cp314-*\"], linux archs x86_64/aarch64/riscv64, only musllinux_riscv64 skipped (search corpus)",
    "xmlsec/python-xmlsec issues #316, #345, #352, #361 (libxml2 version mismatch with lxml wheels)",
    ALPINE_FROM_APORTS,
  ],
};

export const CRYPTOGRAPHY: PackageKnowledge = {
  name: "cryptography",
  display: "cryptography",
  summary: "Cryptographic recipes and primitives (Rust and OpenSSL).",
  toolchains: ["c", "rust"],
  needs: [
    need("build", "source", sameDebian(["libssl-dev"], ["openssl-dev"]), "OpenSSL headers to compile the Rust/C extension"),
    need("build", "source", PKG_CONFIG, "the openssl-sys crate locates OpenSSL with pkg-config"),
    need(
      "runtime",
      "source",
      perTarget(["libssl1.1"], ["libssl3"], ["libssl3t64"], ["libssl3", "libcrypto3"]),
      "a source-built extension links against the system OpenSSL",
    ),
  ],
  wheels: wheels(ALL, ALL, "3.9", "3.14"),
  notes: [
    "Wheels are abi3 (one wheel for all supported CPythons) and bundle OpenSSL.",
    "A source build needs Rust >= 1.83 (the project's MSRV); Debian bullseye/bookworm's rustc is too old (see the rust toolchain note).",
  ],
  sources: [
    "pyca/cryptography Cargo.toml: rust-version = \"1.83.0\", pyo3 with abi3 (search corpus)",
    "Debian: Build-Depends of source python-cryptography (libssl-dev, cargo) and Depends of python3-cryptography: libssl1.1 (bullseye), libssl3 (bookworm), libssl3t64 (trixie)",
    "Wheel coverage (manylinux/musllinux x86_64/aarch64, abi3) from general knowledge of the PyPI file list, not re-verified here",
    ALPINE_FROM_APORTS,
  ],
};

export const CFFI: PackageKnowledge = {
  name: "cffi",
  display: "cffi",
  summary: "C Foreign Function Interface for Python.",
  toolchains: ["c"],
  needs: [
    need("build", "source", sameDebian(["libffi-dev"], ["libffi-dev"]), "libffi headers to compile the _cffi_backend extension"),
    need("build", "source", PKG_CONFIG, "the build finds libffi with pkg-config"),
    need("runtime", "source", perTarget(["libffi7"], ["libffi8"], ["libffi8"], ["libffi"]), "a source-built _cffi_backend links against libffi"),
  ],
  wheels: wheels(ALL, ALL, "3.9", "3.14"),
  notes: [
    "Packages that use cffi in API mode (e.g. argon2-cffi-bindings, pynacl) also need a C compiler when they are built from source.",
  ],
  sources: [
    "Debian: Build-Depends of source python-cffi (libffi-dev) and Depends of python3-cffi-backend: libffi7 (bullseye), libffi8 (bookworm, trixie)",
    "Wheel coverage and CPython range (cffi 2.0) from general knowledge, not re-verified here",
    ALPINE_FROM_APORTS,
  ],
};

export const BCRYPT: PackageKnowledge = {
  name: "bcrypt",
  display: "bcrypt",
  summary: "bcrypt password hashing (Rust extension).",
  toolchains: ["c", "rust"],
  needs: [],
  wheels: wheels(ALL, ALL, "3.9", "3.14"),
  notes: [
    "Wheels are abi3 and need no system libraries.",
    "A source build needs Rust >= 1.85 (the project's MSRV); only trixie's packaged rustc (1.85.1) is new enough.",
  ],
  sources: [
    "pyca/bcrypt src/_bcrypt/Cargo.toml: rust-version = \"1.85\", edition 2024, pyo3 abi3 (search corpus)",
    "Debian trixie: Build-Depends of source python-bcrypt (python3-setuptools-rust, librust-*); Depends of python3-bcrypt only libc6/libgcc-s1",
    "Wheel coverage from general knowledge of the PyPI file list, not re-verified here",
  ],
};

export const ARGON2_CFFI: PackageKnowledge = {
  name: "argon2-cffi",
  display: "argon2-cffi",
  summary: "Argon2 password hashing; pure Python on top of argon2-cffi-bindings.",
  toolchains: [],
  needs: [],
  wheels: { ...wheels(ALL, ALL, "3.9", "3.14"), pure: true },
  notes: [
    "argon2-cffi itself is pure Python; the compiled part is argon2-cffi-bindings, which ships abi3 wheels and bundles libargon2's source.",
    "If argon2-cffi-bindings has to be built from source it needs a C compiler (and libffi-dev if cffi itself is built); with ARGON2_CFFI_USE_SYSTEM=1 it links the system libargon2 (Debian libargon2-dev / libargon2-1, Alpine argon2-dev / argon2-libs).",
  ],
  sources: [
    "Debian: Build-Depends of source python-argon2 (libargon2-dev; libargon2-0-dev in bullseye's packaging, but bullseye also has libargon2-dev) and Depends of python3-argon2 (libargon2-1) — Debian links the system library",
    "hynek/argon2-cffi + hynek/argon2-cffi-bindings split (pure-Python front end, compiled bindings) from general knowledge, not re-verified here",
  ],
};

export const PYNACL: PackageKnowledge = {
  name: "pynacl",
  display: "PyNaCl",
  summary: "Python binding to libsodium.",
  toolchains: ["c"],
  needs: [
    need("build", "source", sameDebian(["make"], ["make"]), "the sdist builds its bundled libsodium with ./configure && make"),
  ],
  wheels: wheels(ALL, ALL, "3.9", "3.14"),
  notes: [
    "The wheels (abi3) and the default source build both link libsodium statically, so nothing is needed at run time.",
    "With SODIUM_INSTALL=system the build uses the system libsodium instead (Debian libsodium-dev / libsodium23, Alpine libsodium-dev / libsodium).",
  ],
  sources: [
    "Debian: Build-Depends of source python-nacl (libsodium-dev) and Depends of python3-nacl (libsodium23) — Debian links the system library",
    "Wheel coverage from general knowledge of the PyPI file list (abi3, manylinux and musllinux), not re-verified here",
    ALPINE_FROM_APORTS,
  ],
};

export const GROUP_A: PackageKnowledge[] = [
  PYODBC,
  PSYCOPG2,
  PSYCOPG2_BINARY,
  PSYCOPG,
  MYSQLCLIENT,
  MARIADB,
  PYMSSQL,
  ORACLEDB,
  NUMPY,
  SCIPY,
  PANDAS,
  MATPLOTLIB,
  H5PY,
  PYARROW,
  LXML,
  XMLSEC,
  CRYPTOGRAPHY,
  CFFI,
  BCRYPT,
  ARGON2_CFFI,
  PYNACL,
];
