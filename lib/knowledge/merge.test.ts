import { describe, expect, it } from "vitest";
import { fixtureEntries, fixtureLookup } from "../testing/derived-fixture";
import type { DerivedEntry } from "./derived/types";
import { lookupPackage } from "./index";
import { CURATED } from "./full-curated";
import { NO_DERIVED, dependencies, packageFacts, type DerivedLookup } from "./merge";
import { ALPINE_LOOKUP } from "./alpine";

describe("packageFacts: curated ⊕ derived", () => {
  it("a curated entry wins field by field; Debian's data fills requires, scripts and the sources", () => {
    const curated = lookupPackage("python-ldap")!;
    const f = packageFacts("python_LDAP", "bookworm", fixtureLookup, CURATED, ALPINE_LOOKUP)!;
    expect(f.name).toBe("python-ldap");
    expect(f.display).toBe(curated.display);
    expect(f.curated).toBe(curated);
    expect(f.toolchains).toEqual(curated.toolchains);
    expect(f.notes).toEqual(curated.notes);
    // The curated entry states both stages: Debian's extra libkrb5 packages do not come in.
    expect(f.needs.flatMap((n) => n.packages)).toEqual(curated.needs.flatMap((n) => n.packages.bookworm));
    expect(f.needs.every((n) => !n.derived)).toBe(true);
    expect(f.requires).toEqual(["pyasn1", "pyasn1-modules"]);
    expect(f.sources.slice(0, curated.sources.length)).toEqual(curated.sources);
    expect(f.sources.at(-1)).toMatch(/^Debian bookworm python3-ldap 1\.0-1 \(source package python-ldap\)/);
  });

  it("a curated entry that states no needs keeps none: Debian's do not come in", () => {
    const curated = lookupPackage("pandas")!;
    expect(curated.needs.length).toBe(0);
    const f = packageFacts("pandas", "trixie", fixtureLookup, CURATED, ALPINE_LOOKUP)!;
    expect(f.needs).toEqual([]);
    expect(f.toolchains).toEqual(curated.toolchains);
    expect(f.requires).toEqual(["numpy", "python-dateutil"]);
  });

  it("a derived-only compiled entry: its needs for the target's release, the run-time ones always (no wheel facts)", () => {
    const f = packageFacts("PyICU", "bullseye", fixtureLookup, CURATED, ALPINE_LOOKUP)!;
    expect(f.curated).toBeUndefined();
    expect(f.display).toBe("PyICU");
    expect(f.pure).toBe(false);
    expect(f.toolchains).toEqual(["c++"]);
    expect(f.needs.map((n) => [n.stage, n.when, n.packages])).toEqual([
      ["build", "source", ["libicu-dev", "pkgconf"]],
      ["runtime", "always", ["libicu67"]],
    ]);
    expect(packageFacts("pyicu", "trixie", fixtureLookup, CURATED, ALPINE_LOOKUP)!.needs[1].packages).toEqual(["libicu76"]);
  });

  it("a compiled entry without compilers in Build-Depends still needs C (build-essential is implied)", () => {
    expect(packageFacts("markupsafe", "bookworm", fixtureLookup, CURATED, ALPINE_LOOKUP)!.toolchains).toEqual(["c"]);
  });

  it("Alpine takes whether it is compiled and its requires from Debian, never Debian's package names", () => {
    const f = packageFacts("pyaudio", "alpine", fixtureLookup, CURATED, ALPINE_LOOKUP)!;
    expect(f.pure).toBe(false);
    expect(f.needs).toEqual([]);
    expect(f.derived?.debian.release).toBe("trixie");
    // Partly mapped: the warning names the Debian packages without an apk name.
    expect(f.derivedOnly?.alpine).toMatch(/and libjack-jackd2-dev has no Alpine name here\. Name the apk packages/);
    expect(f.derivedOnly?.unnamedNeeds).toBe(true);
  });

  it("Alpine: a derived entry whose Debian names all map gets their apk packages, each reason naming the APKBUILD", () => {
    const f = packageFacts("pyicu", "alpine", fixtureLookup, CURATED, ALPINE_LOOKUP)!;
    expect(f.needs.map((n) => [n.stage, n.when, n.packages])).toEqual([
      ["build", "source", ["icu-dev"]],
      ["build", "source", ["pkgconf"]],
      ["runtime", "always", ["icu-libs"]],
    ]);
    expect(f.needs[0].why).toBe("apk names from aports main/icu, mapped from Debian's libicu-dev (Debian trixie python3-pyicu 1.0-1)");
    expect(f.needs.every((n) => n.derived)).toBe(true);
    expect(f.toolchains).toEqual(["c++"]);
    expect(f.derivedOnly?.alpine).toBeUndefined();
    expect(f.derivedOnly?.unnamedNeeds).toBeUndefined();
    expect(f.derivedOnly?.note).toMatch(/mapped by name through aports/);
  });

  it("Alpine: a Debian-only name (qtchooser) is left out, not left unnamed, and the note says so", () => {
    const f = packageFacts("qscintilla", "alpine", fixtureLookup, CURATED, ALPINE_LOOKUP)!;
    expect(f.needs.map((n) => [n.stage, n.packages])).toEqual([
      ["build", ["qt5-qtbase-dev"]],
      ["runtime", ["qt5-qtbase"]],
    ]);
    expect(f.derivedOnly?.unnamedNeeds).toBeUndefined();
    expect(f.derivedOnly?.note).toMatch(/Left out as Debian-only: qtchooser\.$/);
    // On Debian the name stays: it is a real package there.
    expect(packageFacts("qscintilla", "trixie", fixtureLookup, CURATED, ALPINE_LOOKUP)!.needs[0].packages).toEqual(["qtbase5-dev", "qtchooser"]);
  });

  it("pure vs unknown: Architecture all is pure, a name Debian does not package is unknown", () => {
    expect(packageFacts("Flask", "bookworm", fixtureLookup, CURATED, ALPINE_LOOKUP)!.pure).toBe(true);
    expect(packageFacts("some-internal-lib", "bookworm", fixtureLookup, CURATED, ALPINE_LOOKUP)).toBeUndefined();
    expect(packageFacts("flask", "bookworm", NO_DERIVED, CURATED, ALPINE_LOOKUP)).toBeUndefined();
  });

  it("is deterministic: the same data in any order gives equal facts", () => {
    const shuffled: DerivedLookup = (release, name) => {
      const e = fixtureEntries(release)[name] as DerivedEntry | undefined;
      return e && { ...e, requires: [...e.requires].reverse(), scripts: [...e.scripts].reverse() };
    };
    // Everything but the raw entry it was made from.
    const facts = (name: string, lookup: DerivedLookup) => ({ ...packageFacts(name, "bookworm", lookup, CURATED, ALPINE_LOOKUP), derived: undefined });
    for (const name of ["flask", "django-auth-ldap", "python-ldap", "pyicu", "pandas"]) {
      expect(facts(name, shuffled)).toEqual(facts(name, fixtureLookup));
      expect(packageFacts(name, "bookworm", fixtureLookup, CURATED, ALPINE_LOOKUP)).toEqual(packageFacts(name, "bookworm", fixtureLookup, CURATED, ALPINE_LOOKUP));
    }
  });
});

describe("dependencies: requires through the derived graph", () => {
  const names = (root: string, skip: string[] = []) =>
    dependencies(packageFacts(root, "bookworm", fixtureLookup, CURATED, ALPINE_LOOKUP)!, "bookworm", fixtureLookup, CURATED, ALPINE_LOOKUP, new Set(skip)).map((d) => d.via.join(" → "));
  it("breadth first, each once", () => {
    expect(names("django-auth-ldap")).toEqual(["django", "python-ldap", "django → asgiref", "django → sqlparse", "python-ldap → pyasn1", "python-ldap → pyasn1-modules"]);
  });
  it("a listed package is neither reported nor followed", () => {
    expect(names("django-auth-ldap", ["python-ldap"])).toEqual(["django", "django → asgiref", "django → sqlparse"]);
  });
  it("is cycle-safe", () => {
    expect(names("cycle-a")).toEqual(["cycle-b", "cycle-b → psycopg2"]);
  });
  it("is bounded", () => {
    const chain = names("chain-0");
    expect(chain.length).toBe(6);
    expect(chain.at(-1)).toBe("chain-1 → chain-2 → chain-3 → chain-4 → chain-5 → chain-6");
  });
});
