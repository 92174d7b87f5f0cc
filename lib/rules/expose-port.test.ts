import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { exposePort } from "./expose-port";

describe("expose-port", () => {
  it("catches (1)", () => {
    expect(lines(exposePort, "FROM python:3.13-slim-trixie\nEXPOSE 8080\nCMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"app:app\"]\n")).toEqual([2]);
  });
  it("catches (2)", () => {
    expect(lines(exposePort, "FROM python:3.13-slim-trixie\nEXPOSE 5000\nCMD [\"uvicorn\", \"main:app\", \"--port=8000\"]\n")).toEqual([2]);
  });
  it("does not catch (1)", () => {
    expect(lines(exposePort, "FROM python:3.13-slim-trixie\nEXPOSE 8000\nCMD [\"gunicorn\", \"-b\", \"0.0.0.0:8000\", \"app:app\"]\n")).toEqual([]);
  });
  it("does not catch (2)", () => {
    expect(lines(exposePort, "FROM python:3.13-slim-trixie\nEXPOSE 8000/tcp\nCMD python manage.py runserver 0.0.0.0:8000\n")).toEqual([]);
  });
  it("does not catch (3)", () => {
    expect(lines(exposePort, "FROM python:3.13-slim-trixie\nCMD [\"gunicorn\", \"--bind\", \"0.0.0.0:8000\", \"app:app\"]\n")).toEqual([]);
  });
});
