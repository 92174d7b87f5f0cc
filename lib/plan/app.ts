/**
 * spec → how the final stage runs the app: where its files go, the user, the port, the health check and the
 * command. Decided here; lib/render/dockerfile.ts only prints it.
 */
import type { BuildSpec } from "../spec";

export interface HealthcheckPlan {
  url: string;
  /** Run in the container: Python's own urllib, as slim images have no curl or wget. */
  argv: string[];
  interval: string;
  timeout: string;
  startPeriod: string;
  retries: number;
}

export interface AppPlan {
  workdir: string;
  /** The app's own files, copied last: a path of the build context, and where it lands under the workdir. */
  copies: { source: string; dest: string }[];
  /** Numeric uid:gid the app runs as, or null for root. */
  user: string | null;
  port: number | null;
  healthcheck: HealthcheckPlan | null;
  command: string[];
}

export function appPlan(spec: BuildSpec): AppPlan {
  const { runtime } = spec;
  const { healthcheck: hc, port, user } = runtime;
  const url = port === null ? "" : `http://127.0.0.1:${port}${hc.path}`;
  return {
    workdir: runtime.workdir,
    copies: runtime.copy.map((path) => {
      const source = path.replace(/\/+$/, "") || ".";
      return { source, dest: source === "." ? "." : `./${source.replace(/^\.\//, "")}` };
    }),
    user: user.enabled ? `${user.uid}:${user.uid}` : null,
    port,
    healthcheck:
      hc.enabled && port !== null
        ? { url, argv: ["python", "-c", `import urllib.request; urllib.request.urlopen('${url}', timeout=4)`], interval: "30s", timeout: "5s", startPeriod: "10s", retries: 3 }
        : null,
    command: runtime.command,
  };
}
