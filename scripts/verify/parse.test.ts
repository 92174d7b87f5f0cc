import { describe, expect, it } from "vitest";
import {
  contentsProviders,
  devLinkName,
  isSharedObject,
  moduleName,
  ownerIndex,
  ownerOf,
  parseDebListing,
  parseDepends,
  parseLdd,
  parseSimulatedInstall,
  pythonDependencies,
} from "./parse";

describe("parseLdd", () => {
  it("keeps resolved and missing libraries, drops the vDSO and the loader", () => {
    const out = [
      "\tlinux-vdso.so.1 (0x00007ffd4b9f2000)",
      "\tlibpq.so.5 => /lib/x86_64-linux-gnu/libpq.so.5 (0x00007fee5037e000)",
      "\tlibxml2.so.2 => not found",
      "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007fee5019c000)",
      "\t/lib64/ld-linux-x86-64.so.2 (0x00007fee5042b000)",
    ].join("\n");
    expect(parseLdd(out)).toEqual([
      { soname: "libpq.so.5", path: "/lib/x86_64-linux-gnu/libpq.so.5" },
      { soname: "libxml2.so.2", path: null },
      { soname: "libc.so.6", path: "/lib/x86_64-linux-gnu/libc.so.6" },
    ]);
  });

  it("gives nothing for static objects and non-ELF files", () => {
    expect(parseLdd("\tstatically linked\n")).toEqual([]);
    expect(parseLdd("\tnot a dynamic executable\n")).toEqual([]);
  });
});

describe("deb listings and module names", () => {
  const listing = [
    "drwxr-xr-x root/root         0 2023-01-10 10:00 ./usr/lib/python3/dist-packages/lxml/",
    "-rw-r--r-- root/root   9876543 2023-01-10 10:00 ./usr/lib/python3/dist-packages/lxml/etree.cpython-311-x86_64-linux-gnu.so",
    "-rw-r--r-- root/root      1234 2023-01-10 10:00 ./usr/lib/python3/dist-packages/lxml/__init__.py",
    "lrwxrwxrwx root/root         0 2023-01-10 10:00 ./usr/lib/x86_64-linux-gnu/libfoo.so.1 -> libfoo.so.1.2.3",
    "-rw-r--r-- root/root     55555 2023-01-10 10:00 ./usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3",
  ].join("\n");

  it("lists regular files only", () => {
    expect(parseDebListing(listing)).toEqual([
      "/usr/lib/python3/dist-packages/lxml/__init__.py",
      "/usr/lib/python3/dist-packages/lxml/etree.cpython-311-x86_64-linux-gnu.so",
      "/usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3",
    ]);
  });

  it("recognises shared objects, versioned or not", () => {
    expect(parseDebListing(listing).filter(isSharedObject)).toEqual([
      "/usr/lib/python3/dist-packages/lxml/etree.cpython-311-x86_64-linux-gnu.so",
      "/usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3",
    ]);
    expect(isSharedObject("/x/soap.py")).toBe(false);
  });

  it("derives the dotted module name of an extension under a Python path", () => {
    expect(moduleName("/usr/lib/python3/dist-packages/lxml/etree.cpython-311-x86_64-linux-gnu.so")).toBe("lxml.etree");
    expect(moduleName("/usr/lib/python3/dist-packages/_cffi_backend.cpython-313-x86_64-linux-gnu.so")).toBe("_cffi_backend");
    expect(moduleName("/usr/local/lib/python3.13/site-packages/nacl/_sodium.abi3.so")).toBe("nacl._sodium");
    expect(moduleName("/usr/lib/x86_64-linux-gnu/libfoo.so.1.2.3")).toBeNull();
    // a directory that is not an identifier (a .libs folder of bundled libraries) is not importable
    expect(moduleName("/usr/lib/python3/dist-packages/pillow.libs/libjpeg-1a2b.so.62")).toBeNull();
  });
});

describe("Depends and apt output", () => {
  it("splits clauses and alternatives, dropping versions and arch qualifiers", () => {
    expect(parseDepends("python3 (<< 3.12), python3:any, libblas3 | libblas.so.3, libc6 (>= 2.35)")).toEqual([
      ["python3"],
      ["python3"],
      ["libblas3", "libblas.so.3"],
      ["libc6"],
    ]);
    expect(parseDepends("")).toEqual([]);
  });

  it("picks the Python packages to install beside a binary, not the interpreter or the binary's own parts", () => {
    const depends =
      "python3-dateutil, python3-numpy (>= 1:1.23.2~) | python3-supported-max (<< 3.11), python3-pytz, python3:any, python3-numpy, python3-pandas-lib (>= 2.2.3+dfsg), tzdata, python3-numpy2-abi0 | python3-numpy-abi9";
    expect(pythonDependencies(depends, ["python3-pandas", "python3-pandas-lib"])).toEqual(["python3-dateutil", "python3-numpy", "python3-numpy2-abi0", "python3-pytz"]);
  });

  it("takes a module's data package (python-<x>-data) too", () => {
    expect(pythonDependencies("libjs-jquery, python-matplotlib-data (>= 3.6.3), python3-numpy, libc6", ["python3-matplotlib"])).toEqual(["python-matplotlib-data", "python3-numpy"]);
  });

  it("reads the packages apt would install from a simulated install", () => {
    const out = "NOTE: This is only a simulation!\nInst libpq5 (15.8-0+deb12u1 Debian:12/stable [amd64])\nInst libpq-dev:amd64 (15.8-0+deb12u1 Debian:12/stable [amd64])\nConf libpq5 (15.8-0+deb12u1 Debian:12/stable [amd64])\n";
    expect(parseSimulatedInstall(out)).toEqual(["libpq-dev", "libpq5"]);
  });
});

describe("Contents index and file owners", () => {
  it("finds the packages shipping a file name in any directory", () => {
    const contents = [
      "usr/lib/x86_64-linux-gnu/libz.so.1                        libs/zlib1g",
      "usr/lib/x86_64-linux-gnu/libz.so                          libdevel/zlib1g-dev",
      "usr/lib/x86_64-linux-gnu/libz.so.1.2.13                   libs/zlib1g",
      "usr/share/doc/some package/libz.so                        doc/odd-name,libdevel/other-dev",
    ].join("\n");
    const found = contentsProviders(contents, new Set(["libz.so", "libz.so.1", "libnothere.so.3"]));
    expect([...found]).toEqual([
      ["libz.so", ["odd-name", "other-dev", "zlib1g-dev"]],
      ["libz.so.1", ["zlib1g"]],
    ]);
  });

  it("maps a soname to its link-time name", () => {
    expect(devLinkName("libxml2.so.2")).toBe("libxml2.so");
    expect(devLinkName("libgeos_c.so.1")).toBe("libgeos_c.so");
    expect(devLinkName("libstdc++.so.6")).toBe("libstdc++.so");
  });

  it("finds an owner under either merged-/usr spelling", () => {
    const owners = ownerIndex([
      ["libpq5:amd64.list", "/.\n/usr\n/usr/lib/x86_64-linux-gnu/libpq.so.5\n"],
      ["libc6.list", "/lib/x86_64-linux-gnu/libc.so.6\n"],
    ]);
    expect(ownerOf(owners, "/lib/x86_64-linux-gnu/libpq.so.5")).toBe("libpq5");
    expect(ownerOf(owners, "/usr/lib/x86_64-linux-gnu/libc.so.6")).toBe("libc6");
    expect(ownerOf(owners, "/lib/x86_64-linux-gnu/libnone.so.1", "/usr/lib/x86_64-linux-gnu/libpq.so.5")).toBe("libpq5");
    expect(ownerOf(owners, "/opt/x.so")).toBeUndefined();
  });
});
