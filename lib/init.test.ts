import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "./generate";
import { admits, planInit, wantedFiles, type ProjectFolder } from "./init";

function folder(files: Record<string, string>, name = "proj"): ProjectFolder {
  const paths = Object.keys(files).sort();
  return { name, paths, text: Object.fromEntries(wantedFiles(paths).map((p) => [p, files[p]])) };
}

function ok(files: Record<string, string>, name?: string) {
  const plan = planInit(folder(files, name));
  if (!plan.ok) throw new Error(plan.message);
  return { ...plan, choice: (topic: string) => plan.decisions.find((d) => d.topic === topic)?.choice };
}

describe("requires-python", () => {
  it.each([
    [">=3.11", "3.14", true],
    [">=3.11", "3.10", false],
    [">=3.11.4", "3.11", true],
    ["<3.13", "3.13", false],
    ["<3.13", "3.12", true],
    ["<3.13.2", "3.13", true],
    ["~=3.11", "3.14", true],
    ["~=3.11.2", "3.12", false],
    ["==3.12.*", "3.12", true],
    ["==3.12.*", "3.13", false],
    ["!=3.12", "3.12", false],
    [">=3.10,<3.13,!=3.11", "3.11", false],
  ])("%s admits %s: %s", (spec, version, expected) => expect(admits(spec, version)).toBe(expected));
  it("says undefined for what it cannot read", () => expect(admits(">=3.x", "3.12")).toBeUndefined());
});

describe("init decisions", () => {
  it("Python: .python-version first, then requires-python, else the default", () => {
    expect(ok({ "requirements.txt": "flask\n", ".python-version": "3.12.4\n" }).spec.python).toBe("3.12");
    const req = ok({ "pyproject.toml": '[project]\nname="x"\nrequires-python=">=3.10,<3.13"\ndependencies=["flask"]\n' });
    expect(req.spec.python).toBe("3.12");
    expect(req.decisions[0].why).toMatch(/requires-python/);
    const pinnedUnknown = ok({ "requirements.txt": "flask\n", ".python-version": "pypy3.10\n" });
    expect(pinnedUnknown.warnings.join("\n")).toMatch(/pypy3\.10/);
    expect(pinnedUnknown.decisions[0].why).toMatch(/default|newest stable/);
  });
  it("a lock file decides the source and strategy", () => {
    const py = '[project]\nname="x"\ndependencies=["psycopg2"]\n';
    const uv = ok({ "pyproject.toml": py, "uv.lock": "", "requirements.txt": "flask\n" });
    expect([uv.spec.dependencySource, uv.spec.strategy]).toEqual(["uv-lock", "uv"]);
    expect(uv.spec.packages.map((p) => p.name)).toEqual(["psycopg2"]);
    const poetry = ok({ "pyproject.toml": py, "poetry.lock": "" });
    expect([poetry.spec.dependencySource, poetry.spec.strategy]).toEqual(["poetry-lock", "venv"]);
    const plain = ok({ "pyproject.toml": py });
    expect([plain.spec.dependencySource, plain.requirementsTxt]).toEqual(["requirements", true]);
    expect(ok({ "requirements.txt": "flask\n" }).requirementsTxt).toBe(false);
  });
  it("Django: gunicorn on the project's wsgi module, settings module set", () => {
    const d = ok({ "manage.py": "", "requirements.txt": "django\ngunicorn\n", "shop/wsgi.py": "", "shop/settings.py": "" });
    expect(d.spec.runtime.command).toEqual(["gunicorn", "--bind", "0.0.0.0:8000", "shop.wsgi:application"]);
    expect(d.spec.runtime.env).toEqual([{ name: "DJANGO_SETTINGS_MODULE", value: "shop.settings" }]);
    expect(d.spec.runtime.port).toBe(8000);
    expect(d.warnings).toEqual([]);
    const asgi = ok({ "manage.py": "", "requirements.txt": "django\n", "shop/asgi.py": "" });
    expect(asgi.spec.runtime.command[0]).toBe("uvicorn");
    expect(asgi.warnings.join()).toMatch(/uvicorn is not among the dependencies/);
  });
  it("FastAPI and Flask app objects, found by what the module assigns", () => {
    const f = ok({ "requirements.txt": "fastapi\nuvicorn\n", "svc/api.py": "import fastapi\nserver = fastapi.FastAPI()\n" });
    expect(f.spec.runtime.command).toEqual(["uvicorn", "svc.api:server", "--host", "0.0.0.0", "--port", "8000"]);
    const fl = ok({ "requirements.txt": "flask\ngunicorn\n", "web.py": "from flask import Flask\nweb_app = Flask(__name__)\n" });
    expect(fl.spec.runtime.command).toEqual(["gunicorn", "--bind", "0.0.0.0:8000", "web:web_app"]);
    const factory = ok({ "requirements.txt": "flask\n", "app/__init__.py": "from flask import Flask\ndef create_app():\n    return Flask(__name__)\n" });
    expect(factory.spec.runtime.command.at(-1)).toBe("app:create_app()");
  });
  it("a __main__ module or script runs without a port", () => {
    const m = ok({ "requirements.txt": "requests\n", "worker/__main__.py": "print('hi')\n" });
    expect([m.spec.runtime.command, m.spec.runtime.port]).toEqual([["python", "-m", "worker"], null]);
    expect(m.choice("Health check")).toBe("off");
    const s = ok({ "main.py": 'if __name__ == "__main__":\n    run()\n' });
    expect(s.spec.runtime.command).toEqual(["python", "main.py"]);
  });
  it("enables the health check only on a route the app declares", () => {
    const yes = ok({ "requirements.txt": "fastapi\nuvicorn\n", "main.py": 'from fastapi import FastAPI\napp = FastAPI()\n@app.get("/healthz")\ndef h(): ...\n' });
    expect(yes.spec.runtime.healthcheck).toEqual({ enabled: true, path: "/healthz" });
    const no = ok({ "requirements.txt": "fastapi\nuvicorn\n", "main.py": "from fastapi import FastAPI\napp = FastAPI()\n" });
    expect(no.spec.runtime.healthcheck.enabled).toBe(false);
  });
  it("env file and service name from the folder", () => {
    const e = ok({ "requirements.txt": "flask\n", ".env": "X=1\n" }, "My Shop!");
    expect([e.envFile, e.service]).toEqual([true, "my-shop"]);
    expect(ok({ "requirements.txt": "flask\n" }, "日本").service).toBe("app");
  });
  it("refuses, in one line, what it cannot build", () => {
    const empty = planInit(folder({ "README.md": "# hi\n" }));
    expect(empty).toMatchObject({ ok: false, message: expect.stringMatching(/^no Python project in proj: /) });
    expect(planInit(folder({ "Pipfile.lock": "{}" }))).toMatchObject({ ok: false, message: expect.stringMatching(/without its Pipfile.*pipenv requirements > requirements\.txt/) });
    expect(planInit(folder({ "requirements-prod.txt": "flask\n" }))).toMatchObject({ ok: false, message: expect.stringMatching(/no requirements\.txt/) });
  });
  it("Pipfile and Pipfile.lock: the lock's default packages decide needs, and the build exports the lock with pipenv", () => {
    const lock = readFileSync(join(__dirname, "testing/lockfiles/Pipfile.lock"), "utf8");
    const r = ok({ Pipfile: "[packages]\npillow = \"*\"\n", "Pipfile.lock": lock, "requirements.txt": "flask\n" });
    expect(r.spec.dependencySource).toBe("pipfile-lock");
    expect(r.spec.packages.map((p) => p.name)).toEqual(["pillow", "uvicorn"]);
    expect(r.choice("Dependencies")).toBe("Pipfile + Pipfile.lock");
    expect(generate(r.spec).dockerfile).toMatch(/pipenv requirements --hash > \/tmp\/requirements\.txt/);
  });
  it("skips requirement lines it cannot read, and says which", () => {
    const r = ok({ "requirements.txt": "flask\n-e .\ngit+https://example.org/x.git\n" });
    expect(r.spec.packages.map((p) => p.name)).toEqual(["flask"]);
    expect(r.warnings[0]).toMatch(/^requirements\.txt:2: .*and 1 more/);
  });
});
