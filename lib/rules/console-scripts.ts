/**
 * Programs a CMD commonly runs → the PyPI package whose console_scripts entry point installs it (each project's
 * packaging metadata: [project.scripts] or setup.py entry_points). Debian's derived data adds more (AuditInput.scripts).
 */
export const CONSOLE_SCRIPTS: Readonly<Record<string, string>> = {
  gunicorn: "gunicorn",
  uvicorn: "uvicorn",
  hypercorn: "hypercorn",
  daphne: "daphne",
  granian: "granian",
  "waitress-serve": "waitress",
  uwsgi: "uwsgi",
  celery: "celery",
  flask: "flask",
  "django-admin": "django",
  streamlit: "streamlit",
  fastapi: "fastapi-cli",
  alembic: "alembic",
  dramatiq: "dramatiq",
  rq: "rq",
  huey_consumer: "huey",
  jupyter: "jupyter-core",
  mlflow: "mlflow",
  dagster: "dagster",
  scrapy: "scrapy",
  ocrmypdf: "ocrmypdf",
  whisper: "openai-whisper",
};

/** Packages that pull the one named in CONSOLE_SCRIPTS as a dependency (fastapi[standard] → fastapi-cli). */
export const PROVIDED_BY: Readonly<Record<string, readonly string[]>> = {
  "fastapi-cli": ["fastapi"],
  "jupyter-core": ["jupyter", "jupyterlab", "notebook"],
};

/** Programs every official Python image has (or a shell builtin). */
export const IMAGE_PROGRAMS = new Set(["python", "python3", "pip", "pip3", "sh", "bash", "env", "exec", "true", "sleep", "cat", "ls", "echo", "idle3", "pydoc3"]);
