import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { printAnnotated, type ShellCommand } from "./instructions";

/** The shell command of a one-command RUN as printed (the text after "RUN "). */
const printed = (command: ShellCommand) => printAnnotated([{ kind: "run", commands: [command] }]).text.replace(/^RUN /, "").trimEnd();

describe("shell words: pattern characters are quoted unless the command's words are patterns on purpose", () => {
  // A directory where the patterns match a file, so an unquoted word is visibly expanded by a real shell.
  const dir = mkdtempSync(join(tmpdir(), "ww-glob-"));
  writeFileSync(join(dir, "srca"), "");
  writeFileSync(join(dir, "x.whl"), "");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** What /bin/sh passes to printf for the printed command, one argument a line. */
  const argsSeenBySh = (command: ShellCommand) => execFileSync("sh", ["-c", printed(command)], { cwd: dir, encoding: "utf8" }).split("\n").slice(0, -1);

  it("prints a word with [ ] or * quoted, and sh passes it through literally", () => {
    const command = { words: ["printf", "%s\\n", "src[a,b]", "*.whl", "~root"] };
    expect(printed(command)).toBe(`printf '%s\\n' 'src[a,b]' '*.whl' '~root'`);
    expect(argsSeenBySh(command)).toEqual(["src[a,b]", "*.whl", "~root"]);
  });
  it("leaves a declared pattern bare, so sh expands it (rm -rf /var/lib/apt/lists/*, /wheels/*.whl)", () => {
    const command = { words: ["printf", "%s\\n", "*.whl"], glob: true };
    expect(printed({ ...command, words: ["rm", "-rf", "/var/lib/apt/lists/*"] })).toBe("rm -rf /var/lib/apt/lists/*");
    expect(argsSeenBySh({ words: ["printf", "%s\\n", "src[a,b]"], glob: true })).toEqual(["srca"]);
    expect(argsSeenBySh(command)).toEqual(["x.whl"]);
  });
  it("still quotes what is not a pattern in a command of patterns", () => {
    expect(printed({ words: ["echo", "a b", "$(id)"], glob: true })).toBe(`echo 'a b' '$(id)'`);
  });
});
