import type { Plan } from "../resolve";
import { finalStage } from "./model";
import { finalCommand, programOf } from "./stages";
import type { Rule } from "./types";

/** The port a server command binds: --bind/-b host:port, --port/-p N, --server.port N, runserver host:port. */
export function bindPort(argv: readonly string[]): number | null {
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    const eq = /^(--bind|--port|--server\.port|--http|--http-socket)=(.+)$/.exec(w);
    const value = eq ? eq[2] : ["--bind", "-b", "--port", "--server.port", "--http", "--http-socket"].includes(w) ? argv[i + 1] : w.startsWith("-b") && w.length > 2 ? w.slice(2) : undefined;
    const runserver = w === "runserver" ? argv[i + 1] : undefined;
    const v = value ?? runserver;
    if (v === undefined) continue;
    const m = /(?:^|:)(\d{1,5})$/.exec(v.trim());
    if (m) return Number(m[1]);
  }
  return null;
}

export const exposePort: Rule = {
  id: "expose-port",
  severity: "warning",
  title: "EXPOSE names the port the command binds.",
  refs: {},
  dockerfile({ file }) {
    const stage = finalStage(file);
    const cmd = stage && finalCommand(stage);
    const run = cmd && programOf(cmd);
    const port = run ? bindPort(run.argv) : null;
    const exposes = stage?.instructions.filter((i) => i.keyword === "EXPOSE") ?? [];
    if (port === null || exposes.length === 0) return [];
    const ports = exposes.flatMap((i) => i.words.map((w) => Number(w.split("/")[0])));
    if (ports.includes(port)) return [];
    return [{ line: exposes[0].line, message: `EXPOSE ${ports.join(" ")} but the command binds port ${port}.` }];
  },
  plan(plan: Plan) {
    const port = bindPort(plan.app.command);
    if (port === null || plan.app.port === null || port === plan.app.port) return [];
    return [{ line: 0, message: `The port is ${plan.app.port} but the command binds port ${port}.` }];
  },
};
