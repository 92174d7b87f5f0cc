import { describe, expect, it } from "vitest";
import { explainPackage } from "./explain";
import { fixtureLookup } from "./testing/derived-fixture";

const explain = (name: string, base = "slim-bookworm") => {
  const r = explainPackage(name, base as Parameters<typeof explainPackage>[1], fixtureLookup);
  if (!r.ok) throw new Error(r.message);
  return r.text;
};

describe("explain with the derived layer", () => {
  it("a derived-only compiled package: where the facts come from, both stages with reasons, the note", () => {
    const text = explain("pyicu");
    expect(text).toMatch(/^PyICU on python:3\.\d+-slim-bookworm /);
    expect(text).toContain("Facts: Debian's data alone (Debian bookworm python3-pyicu 1.0-1): no wheel facts");
    expect(text).toMatch(/Build stage:\n(.*\n)*  libicu-dev +← Build-Depends of Debian's pyicu \(bookworm 1\.0-1\)/);
    expect(text).toMatch(/Final image:\n  libicu72 +← Depends of Debian's python3-pyicu \(bookworm 1\.0-1\)/);
    expect(text).toMatch(/Notes:\n  - PyICU: no wheel facts are known/);
    expect(text).toContain("Sources:\n  - Debian bookworm python3-pyicu 1.0-1 (source package pyicu)");
  });

  it("a pure wrapper: its Python dependencies and the needs it carries, via the chain", () => {
    const text = explain("django-auth-ldap");
    expect(text).toContain("Debian packages it as pure Python (Debian bookworm python3-django-auth-ldap 1.0-1).");
    expect(text).toContain("Python dependencies (Debian's Depends): django, python-ldap");
    expect(text).toContain("System needs through them: via python-ldap");
    expect(text).toMatch(/  libldap2-dev +← .*, via python-ldap\n/);
  });

  it("the release follows the variant, and a name nobody knows says so", () => {
    expect(explain("pyicu", "slim-trixie")).toMatch(/libicu76/);
    expect(explain("some-internal-lib")).toContain("Facts: none. Not curated, and Debian bookworm does not package it: assumed pure Python.");
    expect(explain("psycopg2")).toContain("Facts: the curated entry (wheels, notes, the needs it states), completed by Debian's data (Debian bookworm python3-psycopg2 1.0-1).");
  });
});
