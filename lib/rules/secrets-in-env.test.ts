import { describe, expect, it } from "vitest";
import { lines } from "./check";
import { secretsInEnv } from "./secrets-in-env";

describe("secrets-in-env", () => {
  it("catches (1)", () => {
    expect(lines(secretsInEnv, "FROM python:3.12-slim\nENV API_TOKEN=abc\nARG DB_PASSWORD\nENV AWS_SECRET_ACCESS_KEY wJalr\n")).toEqual([2, 3, 4]);
  });
  it("does not catch (1)", () => {
    expect(lines(secretsInEnv, "FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 DB_PASSWORD_FILE=/run/secrets/db\nARG KEYBOARD_LAYOUT=us\n")).toEqual([]);
  });
});
