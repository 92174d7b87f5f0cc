/**
 * Presets: the four seed scenarios, reproduced correctly, and common stacks. Each preset is a
 * spec input; its Dockerfile is checked in under lib/presets/golden/ and reviewed like code.
 * Plain data (no zod), so the page's gallery can import it at first load; lib/presets.ts turns a
 * preset into a full spec (presetSpec) and re-exports this file.
 */
import type { BuildSpecInput } from "../spec";

export interface Preset {
  id: string;
  title: string;
  /** The story in one sentence. */
  story: string;
  seed?: string;
  /** What this preset does differently from the article, and why. */
  note?: string;
  input: BuildSpecInput;
}

const gunicorn = (app: string, port: number) => ["gunicorn", "--bind", `0.0.0.0:${port}`, app];

export const PRESETS: readonly Preset[] = [
  {
    id: "seed-000-pyodbc-wheelhouse",
    title: "pyodbc wheelhouse on 3.8-slim-bullseye",
    seed: "000/001",
    story: "Compile pyodbc into a wheel in the builder and install only the wheel: 422 MB → 128 MB in the article.",
    note:
      "The article's final stage installed the pyodbc wheel but not the unixODBC driver manager, so `import pyodbc` fails with libodbc.so.2 missing; this preset installs libodbc1 in the final image. It compiles pyodbc as the article did (pyodbc had no Linux wheels then); untick 'build from source' to use today's wheel. Its wheels stayed in a /tmp layer; here they are bind-mounted. An ODBC driver (e.g. msodbcsql18) still has to come from its vendor.",
    input: {
      python: "3.8",
      base: "slim-bullseye",
      strategy: "wheelhouse",
      buildFromSource: true,
      packages: [{ name: "pyodbc" }],
      runtime: { command: ["python", "-m", "app"], port: null },
    },
  },
  {
    id: "seed-002-flask-gunicorn",
    title: "Flask + gunicorn, site-packages copied",
    seed: "002",
    story: "A Flask app served by gunicorn, with the article's copy-site-packages layout made to work.",
    note:
      "The article copied only /usr/local/lib/python3.9/site-packages, so its CMD [\"gunicorn\", …] fails: console scripts live in /usr/local/bin. This preset copies both. Its base python:3.9-slim-buster can no longer install packages (buster is archived), so it uses 3.9-slim-bullseye.",
    input: {
      python: "3.9",
      base: "slim-bullseye",
      strategy: "site-packages",
      packages: [
        { name: "Flask", specifier: "==2.2.2" },
        { name: "gunicorn", specifier: "==20.1.0" },
      ],
      runtime: { command: gunicorn("app:app", 5000), port: 5000 },
    },
  },
  {
    id: "seed-003-data-venv",
    title: "pandas/numpy/matplotlib venv on 3.10-slim",
    seed: "003",
    story: "A data-science virtualenv built in one stage and copied into a clean slim image: 829 MB → 483 MB in the article.",
    note:
      "The article installed gcc, python3-dev and build-essential. python3-dev is Debian's own Python headers, not the image's /usr/local Python 3.10, and every package here ships a manylinux wheel, so this builder needs no compiler at all. Python 3.10 reached its end of life in October 2026.",
    input: {
      python: "3.10",
      base: "slim-bookworm",
      strategy: "venv",
      packages: [{ name: "wheel" }, { name: "pandas" }, { name: "numpy" }, { name: "matplotlib" }, { name: "requests" }, { name: "plotly" }],
      runtime: { command: ["python", "main.py"], port: null },
    },
  },
  {
    id: "seed-004-alpine-prefix",
    title: "Flask web app on Alpine with --prefix",
    seed: "004",
    story: "A Flask/gunicorn web app on python:3.6-alpine, installed with pip --prefix and copied: 714 MB → 105 MB in the article.",
    note:
      "The article copied /install into /usr, but the image's Python lives in /usr/local, so /usr/lib/python3.6/site-packages is never searched: this preset copies into /usr/local. `--install-option=\"--prefix=…\"` was removed from pip; `--prefix` is the option. Python 3.6 has been end-of-life since 2021.",
    input: {
      python: "3.6",
      base: "alpine",
      strategy: "prefix",
      packages: [{ name: "Flask" }, { name: "Flask-SSLify" }, { name: "Flask-Admin" }, { name: "gunicorn" }],
      runtime: { command: ["gunicorn", "-w", "4", "--bind", "0.0.0.0:8000", "--chdir", "src", "main:app"], port: 8000 },
    },
  },
  {
    id: "django-postgres",
    title: "Django + PostgreSQL",
    story: "Django on gunicorn talking to PostgreSQL through psycopg 3, which loads libpq at run time.",
    input: {
      python: "3.13",
      base: "slim-trixie",
      strategy: "uv",
      packages: [{ name: "Django", specifier: ">=5.2,<6" }, { name: "psycopg" }, { name: "gunicorn" }],
      runtime: {
        command: gunicorn("mysite.wsgi:application", 8000),
        port: 8000,
        env: [{ name: "DJANGO_SETTINGS_MODULE", value: "mysite.settings" }],
      },
    },
  },
  {
    id: "fastapi-uvicorn",
    title: "FastAPI + uvicorn",
    story: "An async API on uvicorn with a health check that needs no curl.",
    input: {
      python: "3.14",
      base: "slim-trixie",
      strategy: "uv",
      packages: [{ name: "fastapi" }, { name: "uvicorn", extras: ["standard"] }, { name: "pydantic-settings" }],
      runtime: {
        command: ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"],
        port: 8000,
        healthcheck: { enabled: true, path: "/health" },
      },
    },
  },
  {
    id: "data-science",
    title: "Data-science batch job",
    story: "numpy, pandas, SciPy, scikit-learn, matplotlib and pyarrow in a venv: all wheels, no compiler.",
    input: {
      python: "3.13",
      base: "slim-bookworm",
      strategy: "venv",
      packages: [{ name: "numpy" }, { name: "pandas" }, { name: "scipy" }, { name: "scikit-learn" }, { name: "matplotlib" }, { name: "pyarrow" }],
      runtime: { command: ["python", "-m", "job"], port: null },
    },
  },
  {
    id: "flask-mysql",
    title: "Flask + MySQL (mysqlclient)",
    story: "mysqlclient has no Linux wheels: compiled against MariaDB's client library in the builder, which only ships the shared library.",
    input: {
      python: "3.13",
      base: "slim-trixie",
      strategy: "wheelhouse",
      packages: [{ name: "Flask" }, { name: "mysqlclient" }, { name: "gunicorn" }],
      runtime: { command: gunicorn("app:app", 8000), port: 8000 },
    },
  },
  {
    id: "celery-worker",
    title: "Celery worker",
    story: "A Celery worker on Redis that writes to PostgreSQL with psycopg2, compiled against libpq.",
    input: {
      python: "3.13",
      base: "slim-trixie",
      strategy: "uv",
      packages: [{ name: "celery", extras: ["redis"] }, { name: "psycopg2" }],
      runtime: { command: ["celery", "-A", "proj", "worker", "--loglevel=INFO"], port: null },
    },
  },
  {
    id: "image-processing",
    title: "Image processing API",
    story: "Pillow, OpenCV (headless) and pdf2image behind FastAPI; pdf2image calls poppler's pdftoppm at run time.",
    input: {
      python: "3.12",
      base: "slim-bookworm",
      strategy: "uv",
      packages: [{ name: "Pillow" }, { name: "opencv-python-headless" }, { name: "pdf2image" }, { name: "fastapi" }, { name: "uvicorn" }],
      runtime: { command: ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"], port: 8000 },
    },
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
