import { memo } from "react";
import { TextField } from "@/components/ui/text-field";
import { issuesAt, type Draft } from "@/lib/wizard/draft";
import { CommandField } from "./command-field";
import { EnvVarsField } from "./env-vars-field";
import { HealthcheckField } from "./healthcheck-field";
import { Section } from "./section";
import type { SectionProps } from "./section-props";
import { UserField } from "./user-field";

export const RuntimeSection = memo(function RuntimeSection({
  command,
  port,
  specPort,
  user,
  healthcheck,
  env,
  issues,
  edit,
}: SectionProps &
  Pick<Draft, "command" | "port" | "user" | "healthcheck" | "env"> & {
    /** The last valid spec's port, for the command helpers. */
    specPort: number | null;
  }) {
  return (
    <Section id="runtime" description="How the final image starts your app.">
      <CommandField
        value={command}
        port={specPort}
        issues={issuesAt(issues, "runtime.command")}
        onValue={(command) => edit((d) => ({ ...d, command }))}
      />
      <TextField
        path="runtime.port"
        label="Port"
        hint="The port the app listens on (EXPOSE). Leave empty for a worker without one."
        inputMode="numeric"
        value={port}
        onValue={(port) => edit((d) => ({ ...d, port }))}
        issues={issuesAt(issues, "runtime.port")}
        mono
        inputClassName="max-w-32"
      />
      <UserField user={user} issues={issues} onUser={(user) => edit((d) => ({ ...d, user }))} />
      <HealthcheckField value={healthcheck} issues={issues} onValue={(healthcheck) => edit((d) => ({ ...d, healthcheck }))} />
      <EnvVarsField rows={env} issues={issuesAt(issues, "runtime.env")} onRows={(env) => edit((d) => ({ ...d, env }))} />
    </Section>
  );
});
