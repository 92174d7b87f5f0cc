import { TextField } from "@/components/ui/text-field";
import { issuesAt } from "@/lib/wizard/draft";
import { CommandField } from "./command-field";
import { EnvVarsField } from "./env-vars-field";
import { HealthcheckField } from "./healthcheck-field";
import { Section } from "./section";
import type { SectionProps } from "./section-props";
import { UserField } from "./user-field";

export function RuntimeSection({ state, edit }: SectionProps) {
  const { draft, issues } = state;
  return (
    <Section id="runtime" description="How the final image starts your app.">
      <CommandField
        value={draft.command}
        port={state.spec.runtime.port}
        issues={issuesAt(issues, "runtime.command")}
        onValue={(command) => edit((d) => ({ ...d, command }))}
      />
      <TextField
        path="runtime.port"
        label="Port"
        hint="The port the app listens on (EXPOSE). Leave empty for a worker without one."
        inputMode="numeric"
        value={draft.port}
        onValue={(port) => edit((d) => ({ ...d, port }))}
        issues={issuesAt(issues, "runtime.port")}
        mono
        inputClassName="max-w-32"
      />
      <UserField user={draft.user} issues={issues} onUser={(user) => edit((d) => ({ ...d, user }))} />
      <HealthcheckField value={draft.healthcheck} issues={issues} onValue={(healthcheck) => edit((d) => ({ ...d, healthcheck }))} />
      <EnvVarsField rows={draft.env} issues={issuesAt(issues, "runtime.env")} onRows={(env) => edit((d) => ({ ...d, env }))} />
    </Section>
  );
}
