import { expect, test } from "@playwright/test";
import { generate, toJson } from "../lib/generate";
import { presetById, presetSpec } from "../lib/presets";
import { renderCompose } from "../lib/render/compose";
import { MAX_QUERY_LENGTH, shareUrl } from "../lib/share";

const preset = (id: string) => presetSpec(presetById(id)!);

test.describe("GET /api/dockerfile", () => {
  test("a preset answers its Dockerfile as text/plain, byte-identical to the CLI", async ({ request }) => {
    const res = await request.get("/api/dockerfile?preset=django-postgres");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.headers()["content-disposition"]).toBeUndefined();
    // `wheelwright render --preset django-postgres` prints exactly generate(presetSpec(...)).dockerfile (cli/main.test.ts).
    expect(await res.text()).toBe(generate(preset("django-postgres")).dockerfile);
  });

  test("a share link's query gives the same Dockerfile as the spec it was made from", async ({ request }) => {
    const spec = { ...preset("image-processing"), python: "3.13" };
    const link = new URL(shareUrl(spec, "http://localhost/"));
    const res = await request.get(`/api/dockerfile${link.search}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toBe(generate(spec).dockerfile);
  });

  test("format=json answers the JSON contract", async ({ request }) => {
    const res = await request.get("/api/dockerfile?preset=fastapi-uvicorn&format=json");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(toJson(generate(preset("fastapi-uvicorn"))))));
  });

  test("format=compose answers compose.yaml for the same spec", async ({ request }) => {
    const res = await request.get("/api/dockerfile?preset=fastapi-uvicorn&format=compose&download=1");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/yaml; charset=utf-8");
    expect(res.headers()["content-disposition"]).toBe('attachment; filename="compose.yaml"');
    expect(await res.text()).toBe(renderCompose({ spec: preset("fastapi-uvicorn") }));
  });

  test("download=1 asks the browser to save a file named Dockerfile", async ({ request }) => {
    const res = await request.get("/api/dockerfile?preset=flask-mysql&download=1");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toBe('attachment; filename="Dockerfile"');
    expect(await res.text()).toBe(generate(preset("flask-mysql")).dockerfile);
  });

  test("an invalid field answers 400 JSON naming the field", async ({ request }) => {
    const res = await request.get("/api/dockerfile?preset=django-postgres&python=2.7");
    expect(res.status()).toBe(400);
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.error).toMatch(/python/);
    expect(body.issues).toEqual([expect.objectContaining({ field: "python", message: expect.stringMatching(/unknown Python version/) })]);
  });

  for (const query of [
    "python=3.12%0ARUN%20id",
    "__proto__[x]=1",
    "__proto__=1&constructor=1",
    "s=1.!!!!",
    "s=9.eyJweXRob24iOiIzLjEyIn0",
    "python=%C3%28",
    "packages=numpy,%60id%60",
    "cmd=sh%0A-c",
    "format=yaml",
    "download=maybe",
    "preset=nope",
  ]) {
    test(`a hostile query answers 400 JSON, never 500: ?${query}`, async ({ request }) => {
      const res = await request.get(`/api/dockerfile?${query}`);
      expect(res.status()).toBe(400);
      const body = await res.json();
      expect(typeof body.error).toBe("string");
      expect(body.issues.length).toBeGreaterThan(0);
      for (const issue of body.issues) expect(issue).toEqual({ field: expect.any(String), message: expect.any(String) });
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(js|ts):\d+/); // no stack trace
    });
  }

  test("a query longer than the limit answers 414 JSON", async ({ request }) => {
    const res = await request.get(`/api/dockerfile?packages=${"a,".repeat(MAX_QUERY_LENGTH / 2 + 10)}`);
    expect(res.status()).toBe(414);
    expect((await res.json()).issues[0].field).toBe("query");
  });
});
