import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { joinCommand, splitCommand } from "./command";

describe("splitCommand", () => {
  it("splits on whitespace", () => {
    expect(splitCommand("  gunicorn --bind 0.0.0.0:8000\tapp:app ")).toEqual({ ok: true, argv: ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"] });
  });
  it("groups quoted words", () => {
    expect(splitCommand(`python -c 'print("hi there")' "a \\"b\\""`)).toEqual({ ok: true, argv: ["python", "-c", 'print("hi there")', 'a "b"'] });
    expect(splitCommand(`echo ''`)).toEqual({ ok: true, argv: ["echo", ""] });
  });
  it("reports an unclosed quote", () => {
    expect(splitCommand(`echo 'oops`)).toEqual({ ok: false, message: "a single quote is not closed" });
  });
  it("round-trips any argv through joinCommand", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom("a", " ", "'", '"', "\\", "\t", "-", "=") })), (argv) => {
        expect(splitCommand(joinCommand(argv))).toEqual({ ok: true, argv });
      }),
    );
  });
});
