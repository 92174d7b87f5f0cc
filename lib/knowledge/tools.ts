/**
 * Versions of the build tools the generated Dockerfiles pin. Pinned, never "latest":
 * a Dockerfile that builds today must build the same way next month.
 */
export const TOOLS = {
  /** uv's distroless image: static binaries /uv and /uvx, usable on glibc and musl. */
  uvImage: "ghcr.io/astral-sh/uv:0.12.20",
  uvSource: "tag seen pinned in public Dockerfiles (search corpus, 2026); docs.astral.sh/uv/guides/integration/docker",
  /** Poetry and its export plugin, used only in the builder to turn poetry.lock into requirements. */
  poetry: "poetry==2.2.1",
  poetryExport: "poetry-plugin-export==1.9.0",
  /** Pipenv, used only in the builder to turn Pipfile.lock into requirements (pipenv requirements). */
  pipenv: "pipenv==2026.10.3",
  pipenvSource: "the newest release on PyPI when pinned (2026.10.3, October 2026)",
} as const;
