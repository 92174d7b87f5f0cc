import type { Plan } from "../resolve";
import { finalStage } from "./model";
import type { Rule } from "./types";

export const rootUser: Rule = {
  id: "root-user",
  severity: "warning",
  title: "The app does not run as root.",
  refs: { hadolint: ["DL3002"], trivy: ["DS002"] },
  differs: "Also flags a final stage with no USER at all (hadolint DL3002 only flags an explicit USER root).",
  dockerfile({ file }) {
    const stage = finalStage(file);
    if (!stage) return [];
    const users = stage.instructions.filter((i) => i.keyword === "USER");
    const last = users[users.length - 1];
    const name = last?.words[0]?.split(":")[0];
    if (last && name !== "root" && name !== "0") return [];
    return [{ line: last?.line ?? stage.from.line, message: "The container runs as root: add a user and USER it (numeric uid:gid, so Kubernetes' runAsNonRoot can verify it)." }];
  },
  plan(plan: Plan) {
    return plan.app.user === null ? [{ line: 0, message: "The container runs as root. Keep the non-root user unless the app truly needs root." }] : [];
  },
};
