import { describe, expect, it } from "vitest";
import { DEBIAN_RELEASES } from "./knowledge";
import { debianPackage } from "./knowledge/debian";
import { resolve } from "./resolve";
import { BuildSpecSchema, DEFAULT_SPEC, type BuildSpecInput } from "./spec";
import { CURATED } from "./knowledge/full-curated";

const plan = (over: Partial<BuildSpecInput>) => resolve(BuildSpecSchema.parse({ ...DEFAULT_SPEC, strategy: "wheelhouse", ...over }), CURATED);
const names = (pkgs: { name: string }[]) => pkgs.map((p) => p.name);

describe("pins decide wheels", () => {
  it("Pillow==9.1.0 on Python 3.12 has no wheel: compiled with its headers", () => {
    const p = plan({ python: "3.12", base: "slim-bookworm", packages: [{ name: "Pillow", specifier: "==9.1.0" }] });
    expect(p.packages[0].install).toBe("source");
    expect(p.packages[0].detail).toBe("Pillow 9.1.0 has no cp312 wheel (first: 10.0.0): compiled from source.");
    expect(names(p.builder.systemPackages)).toEqual(expect.arrayContaining(["gcc", "libc6-dev", "libjpeg-dev", "zlib1g-dev"]));
    expect(names(p.final.systemPackages)).toEqual(expect.arrayContaining(["libjpeg62-turbo", "libtiff6"]));
    expect(p.compiled).toEqual(["pillow"]);
  });

  it("Pillow==11.0.0 on Python 3.12 installs a wheel: nothing is compiled", () => {
    const p = plan({ python: "3.12", base: "slim-bookworm", packages: [{ name: "Pillow", specifier: "==11.0.0" }] });
    expect(p.packages[0].install).toBe("wheel");
    expect(p.packages[0].detail).toBe("Pillow 11.0.0 has a cp312 wheel (first: 10.0.0): nothing is compiled.");
    expect(p.builder.systemPackages).toEqual([]);
    expect(p.final.systemPackages).toEqual([]);
  });

  it("a range keeps the latest-release rule", () => {
    const p = plan({ python: "3.12", base: "slim-bookworm", packages: [{ name: "Pillow", specifier: ">=9,<10" }] });
    expect(p.packages[0].install).toBe("wheel");
    expect(p.packages[0].detail).toBe("A manylinux x86_64 wheel exists for Python 3.12: nothing is compiled.");
  });

  it("on Alpine the musllinux start decides when it is later: Pillow 9.0.1 compiles on 3.10, 9.1.0 does not", () => {
    const old = plan({ python: "3.10", base: "alpine", packages: [{ name: "Pillow", specifier: "==9.0.1" }] });
    expect(old.packages[0].detail).toBe("Pillow 9.0.1 has no cp310 musllinux x86_64 wheel (first: 9.1.0): compiled from source.");
    expect(old.warnings.map((w) => w.code)).toContain("alpine-compile");
    expect(plan({ python: "3.10", base: "alpine", packages: [{ name: "Pillow", specifier: "==9.1.0" }] }).packages[0].install).toBe("wheel");
    // On 3.11 the CPython row (9.2.0) is the later start and decides.
    expect(plan({ python: "3.11", base: "alpine", packages: [{ name: "Pillow", specifier: "==9.1.0" }] }).packages[0].detail).toBe(
      "Pillow 9.1.0 has no cp311 wheel (first: 9.2.0): compiled from source.",
    );
  });
});

describe("pins decide wheels for other recorded histories", () => {
  it("numpy==1.24.4 on 3.12 compiles against OpenBLAS; numpy==2.0.0 installs a wheel", () => {
    const old = plan({ python: "3.12", base: "slim-bookworm", packages: [{ name: "numpy", specifier: "==1.24.4" }] });
    expect(old.packages[0].detail).toBe("numpy 1.24.4 has no cp312 wheel (first: 1.26.0): compiled from source.");
    expect(names(old.builder.systemPackages)).toEqual(expect.arrayContaining(["g++", "libopenblas-dev", "pkgconf"]));
    expect(names(old.final.systemPackages)).toEqual(["libopenblas0"]);
    expect(plan({ python: "3.12", base: "slim-bookworm", packages: [{ name: "numpy", specifier: "==2.0.0" }] }).builder.systemPackages).toEqual([]);
  });

  it("psycopg2-binary==2.9.9 has cp312 wheels, 2.9.6 does not", () => {
    const at = (v: string) => plan({ python: "3.12", base: "slim-bookworm", packages: [{ name: "psycopg2-binary", specifier: `==${v}` }] });
    expect(at("2.9.9").packages[0].install).toBe("wheel");
    expect(at("2.9.6").packages[0].install).toBe("source");
    expect(names(at("2.9.6").builder.systemPackages)).toEqual(["gcc", "libc6-dev", "libpq-dev"]);
  });

  it("a pin on an entry without history says the latest release decided", () => {
    const p = plan({ python: "3.12", base: "slim-bookworm", packages: [{ name: "grpcio", specifier: "==1.50.0" }] });
    expect(p.packages[0].install).toBe("wheel");
    expect(p.packages[0].detail).toMatch(/No record of when grpcio first published cp312 wheels: 1\.50\.0 is judged by the latest release/);
  });
});

describe("extras decide needs", () => {
  it("psycopg[c] pulls psycopg-c, compiled against libpq", () => {
    const p = plan({ python: "3.13", base: "slim-bookworm", packages: [{ name: "psycopg", extras: ["c"] }] });
    expect(p.packages.map((r) => [r.name, r.install, r.via])).toEqual([
      ["psycopg", "pure", undefined],
      ["psycopg-c", "source", "psycopg[c]"],
    ]);
    expect(p.packages[1].detail).toBe("Pulled in by psycopg[c]. psycopg-c publishes no Linux wheels: it is compiled from source.");
    expect(names(p.builder.systemPackages)).toEqual(["gcc", "libc6-dev", "libpq-dev"]);
    expect(names(p.final.systemPackages)).toEqual(["libpq5"]);
    expect(p.builder.systemPackages.find((s) => s.name === "libpq-dev")!.reasons[0].pythonPackage).toBe("psycopg-c");
  });

  it("psycopg[binary] needs nothing; plain psycopg only the run-time libpq", () => {
    const binary = plan({ python: "3.13", base: "slim-bookworm", packages: [{ name: "psycopg", extras: ["binary"] }] });
    expect(binary.packages).toHaveLength(1);
    expect(binary.builder.systemPackages).toEqual([]);
    expect(binary.final.systemPackages).toEqual([]);
    const plain = plan({ python: "3.13", base: "slim-bookworm", packages: [{ name: "psycopg" }] });
    expect(plain.builder.systemPackages).toEqual([]);
    expect(names(plain.final.systemPackages)).toEqual(["libpq5"]);
  });

  it("uvicorn[standard] pulls uvloop, httptools and PyYAML with their own facts", () => {
    const wheels = plan({ python: "3.13", base: "slim-bookworm", packages: [{ name: "uvicorn", extras: ["standard"] }] });
    expect(wheels.packages.map((r) => [r.name, r.install, r.via])).toEqual([
      ["uvicorn", "pure", undefined],
      ["httptools", "wheel", "uvicorn[standard]"],
      ["pyyaml", "wheel", "uvicorn[standard]"],
      ["uvloop", "wheel", "uvicorn[standard]"],
    ]);
    expect(wheels.builder.systemPackages).toEqual([]);
    // Python 3.15 is newer than their wheels: all three compile, each with its own build needs.
    const source = plan({ python: "3.15", base: "slim-trixie", packages: [{ name: "uvicorn", extras: ["standard"] }] });
    expect(source.compiled).toEqual(["httptools", "pyyaml", "uvloop"]);
    expect(names(source.builder.systemPackages)).toEqual(["gcc", "libc6-dev", "libyaml-dev", "make"]);
    expect(names(source.final.systemPackages)).toEqual(["libyaml-0-2"]);
  });

  it("a pulled package that is also listed is resolved once, as listed", () => {
    const p = plan({ python: "3.13", base: "slim-bookworm", packages: [{ name: "uvicorn", extras: ["standard"] }, { name: "uvloop", specifier: "==0.21.0" }] });
    expect(p.packages.filter((r) => r.name === "uvloop").map((r) => [r.requirement.specifier, r.via])).toEqual([["==0.21.0", undefined]]);
    expect(p.warnings.map((w) => w.code)).not.toContain("duplicate-package");
  });

  it("an extra the knowledge does not know changes nothing", () => {
    const p = plan({ python: "3.13", base: "slim-bookworm", packages: [{ name: "uvicorn", extras: ["nonsense"] }] });
    expect(names(p.packages)).toEqual(["uvicorn"]);
  });
});

describe("programs called at run time", () => {
  const finalOn = (base: BuildSpecInput["base"], name: string) => names(plan({ python: "3.13", base, packages: [{ name }] }).final.systemPackages);

  it("puts each program in the final image, wheel or not", () => {
    expect(finalOn("slim-bookworm", "pytesseract")).toEqual(["tesseract-ocr"]);
    expect(finalOn("slim-trixie", "ocrmypdf")).toEqual(["ghostscript", "tesseract-ocr"]);
    expect(finalOn("slim-bookworm", "pydub")).toEqual(["ffmpeg"]);
    expect(finalOn("slim-bookworm", "openai-whisper")).toEqual(["ffmpeg"]);
    expect(finalOn("slim-bookworm", "pdf2image")).toEqual(["poppler-utils"]);
    expect(finalOn("slim-bookworm", "python-gnupg")).toEqual(["gnupg"]);
    expect(finalOn("slim-bookworm", "pysaml2")).toEqual(["xmlsec1"]);
    expect(finalOn("alpine", "pysaml2")).toEqual(["xmlsec"]);
    expect(finalOn("slim-bookworm", "graphviz")).toEqual(["graphviz"]);
    expect(finalOn("slim-bookworm", "python-magic")).toEqual(["libmagic1"]);
    expect(finalOn("slim-trixie", "python-magic")).toEqual(["libmagic1t64"]);
    expect(finalOn("slim-bookworm", "pdfkit")).toEqual(["wkhtmltopdf"]);
  });

  it("pdfkit on trixie: no package, and the plan says why", () => {
    const p = plan({ python: "3.13", base: "slim-trixie", packages: [{ name: "pdfkit" }] });
    expect(p.final.systemPackages).toEqual([]);
    expect(p.warnings.filter((w) => w.package === "pdfkit").map((w) => w.message).join(" ")).toMatch(/trixie has no wkhtmltopdf/);
  });
});

describe("corrections", () => {
  it("lxml's source build gets zlib's headers", () => {
    const p = plan({ python: "3.13", base: "slim-bookworm", buildFromSource: true, packages: [{ name: "lxml" }] });
    expect(names(p.builder.systemPackages)).toEqual(["gcc", "libc6-dev", "libxml2-dev", "libxslt1-dev", "zlib1g-dev"]);
  });

  it("python-ldap's final image gets libldap alone, named per release", () => {
    const finals = Object.fromEntries(
      (["slim-bullseye", "slim-bookworm", "slim-trixie"] as const).map((base) => [
        base,
        names(plan({ python: base === "slim-bullseye" ? "3.11" : "3.13", base, packages: [{ name: "python-ldap" }] }).final.systemPackages),
      ]),
    );
    expect(finals).toEqual({ "slim-bullseye": ["libldap-2.4-2"], "slim-bookworm": ["libldap-2.5-0"], "slim-trixie": ["libldap2"] });
  });

  it("libsasl2 still reaches the image: each release's libldap depends on it", () => {
    for (const [release, lib] of [["bullseye", "libldap-2.4-2"], ["bookworm", "libldap-2.5-0"], ["trixie", "libldap2"]] as const)
      expect(debianPackage(release, lib)?.depends, release).toContain("libsasl2-2");
  });

  it("g++ depends on gcc in every Debian release (why naming gcc for C++ changes nothing apt installs)", () => {
    for (const release of DEBIAN_RELEASES) expect(debianPackage(release, "g++")?.depends, release).toContain("gcc");
  });
});
