/**
 * Knowledge entry → the Debian binary packages holding the same project's compiled modules, for the runtime check.
 * The convention is python3-<name>; the table below lists only where Debian differs, each with its evidence.
 * Pure data and one lookup; no I/O.
 */
import type { DebianRelease } from "../../lib/knowledge/types";

export interface DebianBinaryMapping {
  /** The binaries whose files are unpacked as the package under test (a split -lib package goes with its parent). */
  packages: string[];
  /** Why the name differs from python3-<name>, or why there is nothing to check. */
  source: string;
  /** Releases whose archive lacks the package(s); the entry is not runnable there. */
  absentOn?: DebianRelease[];
  /** Modules to import before the package's own (it refuses to load otherwise). */
  importFirst?: string[];
  /** When Debian's package is not the project a source build of the entry produces: the reason it is not checked. */
  notComparable?: string;
}

const PACKAGES_INDEX = "Debian main Packages index (bookworm, trixie): Package/Depends fields";

export const DEBIAN_BINARY_OVERRIDES: Readonly<Record<string, DebianBinaryMapping>> = {
  cffi: { packages: ["python3-cffi-backend"], source: `${PACKAGES_INDEX}: cffi's compiled _cffi_backend is python3-cffi-backend (python3-cffi is Architecture all)` },
  h5py: { packages: ["python3-h5py", "python3-h5py-serial"], source: `${PACKAGES_INDEX}: python3-h5py (all) depends on python3-h5py-serial, which holds the extension modules` },
  mariadb: {
    packages: ["python3-mariadb-connector"],
    source: `${PACKAGES_INDEX}: the mariadb connector is python3-mariadb-connector (source mariadb-connector-python)`,
    absentOn: ["bookworm"],
  },
  mysqlclient: { packages: ["python3-mysqldb"], source: `${PACKAGES_INDEX}: mysqlclient (MySQLdb) is python3-mysqldb (source python-mysqldb)` },
  "opencv-python": {
    packages: ["python3-opencv"],
    source: `${PACKAGES_INDEX}: python3-opencv (source opencv)`,
    notComparable: "Debian's cv2 links the system libopencv-* libraries; opencv-python's own build compiles OpenCV into the module, so Debian's binary says nothing about its needs",
  },
  "opencv-python-headless": {
    packages: ["python3-opencv"],
    source: `${PACKAGES_INDEX}: python3-opencv (source opencv)`,
    notComparable: "Debian's cv2 links the system libopencv-* libraries; opencv-python-headless's own build compiles OpenCV into the module, so Debian's binary says nothing about its needs",
  },
  pandas: { packages: ["python3-pandas", "python3-pandas-lib"], source: `${PACKAGES_INDEX}: python3-pandas (all) depends on python3-pandas-lib, which holds the extension modules` },
  "scikit-learn": {
    packages: ["python3-sklearn", "python3-sklearn-lib"],
    source: `${PACKAGES_INDEX}: scikit-learn is python3-sklearn (all), which depends on python3-sklearn-lib holding the extension modules`,
  },
  pillow: { packages: ["python3-pil"], source: `${PACKAGES_INDEX}: Pillow (PIL) is python3-pil (source pillow)` },
  "psycopg2-binary": { packages: ["python3-psycopg2"], source: `${PACKAGES_INDEX}: a source build of psycopg2-binary is psycopg2's code; Debian ships it as python3-psycopg2` },
  pycairo: { packages: ["python3-cairo"], source: `${PACKAGES_INDEX}: pycairo is python3-cairo (source pycairo)` },
  pygobject: {
    packages: ["python3-gi", "python3-gi-cairo"],
    source: `${PACKAGES_INDEX}: PyGObject (gi) is python3-gi; its cairo integration (gi._gi_cairo, built by a default upstream build) is split into python3-gi-cairo`,
  },
  pynacl: { packages: ["python3-nacl"], source: `${PACKAGES_INDEX}: PyNaCl is python3-nacl (source python-nacl)` },
  "python-ldap": { packages: ["python3-ldap"], source: `${PACKAGES_INDEX}: python-ldap is python3-ldap (source python-ldap)` },
  "python-magic": { packages: ["python3-magic"], source: `${PACKAGES_INDEX}: python-magic is python3-magic (source python-magic)` },
  pyyaml: { packages: ["python3-yaml"], source: `${PACKAGES_INDEX}: PyYAML is python3-yaml (source pyyaml)` },
  pyzmq: { packages: ["python3-zmq"], source: `${PACKAGES_INDEX}: pyzmq is python3-zmq (source pyzmq)` },
  "argon2-cffi": { packages: ["python3-argon2"], source: `${PACKAGES_INDEX}: argon2-cffi is python3-argon2 (source argon2-cffi)` },
  "psycopg-c": {
    packages: ["python3-psycopg-c"],
    source: "convention: python3-<PyPI name>; psycopg_c/__init__.py raises ImportError unless psycopg was imported first",
    importFirst: ["psycopg"],
  },
  pyarrow: {
    packages: [],
    source: `${PACKAGES_INDEX}: no python3-pyarrow in bookworm or trixie main`,
    absentOn: ["bookworm", "trixie"],
  },
  uwsgi: {
    packages: [],
    source: `${PACKAGES_INDEX}: Debian ships uWSGI as the uwsgi program with uwsgi-plugin-python3, not as a Python module`,
    notComparable: "pip builds uWSGI as a program embedding the interpreter; Debian's uwsgi-plugin-python3 is a plugin for its own uwsgi binary, a different build",
  },
};

/** The Debian binaries holding an entry's compiled modules: the override, else python3-<name>. */
export function debianBinaryFor(name: string): DebianBinaryMapping {
  return DEBIAN_BINARY_OVERRIDES[name] ?? { packages: [`python3-${name}`], source: "convention: python3-<PyPI name>" };
}
