import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { consoleScriptsCopied } from "./console-scripts-copied";

describe("console-scripts-copied", () => {
  it("catches (1)", () => {
    expect(lines(consoleScriptsCopied, "FROM python:3.12-slim AS builder\nRUN pip install -r r.txt\nFROM python:3.12-slim\nCOPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\nCMD [\"gunicorn\", \"app:app\"]\n")).toEqual([4]);
  });
  it("does not catch (1)", () => {
    expect(lines(consoleScriptsCopied, "FROM python:3.12-slim AS builder\nRUN pip install -r r.txt\nFROM python:3.12-slim\nCOPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\nCOPY --from=builder /usr/local/bin /usr/local/bin\nCMD [\"gunicorn\", \"app:app\"]\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(consoleScriptsCopied, "FROM python:3.12-slim AS builder\nRUN pip install -r r.txt\nFROM python:3.12-slim\nCOPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\nCMD [\"python\", \"app.py\"]\n")).toEqual([]);
  });
});
