import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "@/lib/generate";
import { DEFAULT_SPEC } from "@/lib/spec";
import { PRESETS, presetSpec } from "@/lib/presets";
import { joinTokens, tokenize, tokenizeDockerfile, type PreviewLanguage, type Token } from "./highlight";

const LANGUAGES: PreviewLanguage[] = ["dockerfile", "ignore", "yaml", "plaintext"];

/** The kinds of the non-blank tokens of one line, as "kind:text" pairs, for readable expectations. */
function kinds(line: Token[]): string[] {
  return line.filter((t) => t.text.trim() !== "").map((t) => `${t.kind}:${t.text.trim()}`);
}

describe("tokenizeDockerfile", () => {
  it("colours instructions, comments, flags, strings and variables", () => {
    const lines = tokenizeDockerfile(
      [
        "# syntax=docker/dockerfile:1",
        "FROM python:3.14-slim AS builder",
        'ENV PATH="/opt/venv/bin:$PATH" \\',
        "    HOME=${HOME}",
        "RUN --mount=type=cache,target=/root/.cache/uv uv pip install 'flask'",
        'CMD ["gunicorn", "app:app"]',
      ].join("\n"),
    );
    expect(kinds(lines[0])).toEqual(["comment:# syntax=docker/dockerfile:1"]);
    expect(kinds(lines[1])).toEqual(["keyword:FROM", "text:python:3.14-slim AS builder"]);
    expect(kinds(lines[2])).toEqual(["keyword:ENV", "text:PATH=", 'string:"/opt/venv/bin:$PATH"', "text:\\"]);
    expect(kinds(lines[3])).toEqual(["text:HOME=", "variable:${HOME}"]);
    expect(kinds(lines[4])).toEqual([
      "keyword:RUN",
      "flag:--mount=type=cache,target=/root/.cache/uv",
      "text:uv pip install",
      "string:'flask'",
    ]);
    expect(kinds(lines[5])).toEqual(["keyword:CMD", "text:[", 'string:"gunicorn"', "text:,", 'string:"app:app"', "text:]"]);
  });

  it("does not read a keyword at the start of a continuation line, but does after the continuation ends", () => {
    const lines = tokenizeDockerfile(["RUN echo \\", "    COPY this is an argument \\", "    && true", "COPY . ."].join("\n"));
    expect(kinds(lines[1])[0]).toBe("text:COPY this is an argument \\");
    expect(kinds(lines[2])).toEqual(["text:&& true"]);
    expect(kinds(lines[3])[0]).toBe("keyword:COPY");
  });

  it("keeps a continuation across comment and blank lines, as Docker does", () => {
    const lines = tokenizeDockerfile(["RUN a \\", "# a comment", "", "    FROM not-a-stage", "USER app"].join("\n"));
    expect(kinds(lines[1])).toEqual(["comment:# a comment"]);
    expect(kinds(lines[3])).toEqual(["text:FROM not-a-stage"]);
    expect(kinds(lines[4])[0]).toBe("keyword:USER");
  });

  it("handles a continuation with trailing spaces and CRLF line ends", () => {
    const lines = tokenizeDockerfile("RUN a \\  \r\n    WORKDIR x\r\nWORKDIR /app\r\n");
    expect(kinds(lines[1])[0]).toBe("text:WORKDIR x");
    expect(kinds(lines[2])[0]).toBe("keyword:WORKDIR");
  });

  it("follows the escape parser directive", () => {
    const lines = tokenizeDockerfile(["# escape=`", "RUN dir c:\\ `", "    USER x", "USER y"].join("\n"));
    expect(kinds(lines[2])[0]).toBe("text:USER x");
    expect(kinds(lines[3])[0]).toBe("keyword:USER");
  });

  it("treats heredoc bodies as text", () => {
    const lines = tokenizeDockerfile(["RUN <<EOF", "FROM inside", "EOF", "FROM outside"].join("\n"));
    expect(kinds(lines[1])).toEqual(["text:FROM inside"]);
    expect(kinds(lines[3])[0]).toBe("keyword:FROM");
  });

  it("matches instructions case-insensitively but only as whole words", () => {
    const lines = tokenizeDockerfile(["from alpine", "FROMAGE x", "RUNNER y", "onbuild run make"].join("\n"));
    expect(kinds(lines[0])[0]).toBe("keyword:from");
    expect(kinds(lines[1])).toEqual(["text:FROMAGE x"]);
    expect(kinds(lines[2])).toEqual(["text:RUNNER y"]);
    expect(kinds(lines[3]).slice(0, 2)).toEqual(["keyword:onbuild", "keyword:run"]);
  });

  it("runs an unterminated string to the end of its line only", () => {
    const lines = tokenizeDockerfile(['ENV A="open', "EXPOSE 80"].join("\n"));
    expect(kinds(lines[0])).toEqual(["keyword:ENV", "text:A=", 'string:"open']);
    expect(kinds(lines[1])[0]).toBe("keyword:EXPOSE");
  });

  it("leaves a lone dollar sign and a single dash as text", () => {
    expect(kinds(tokenizeDockerfile("RUN echo $ - -x --")[0])).toEqual(["keyword:RUN", "text:echo $ - -x --"]);
  });
});

describe("tokenize is lossless", () => {
  const hostile = [
    "",
    "\n",
    "\n\n\n",
    "\r\n\r",
    "\\",
    "FROM\\\n\\\n\\",
    "RUN \"unterminated \\\" quote\nCMD ['x",
    "ENV X=${UNCLOSED\nUSER $",
    "<script>alert(1)</script>\n</pre><img src=x onerror=alert(1)>",
    "RUN <<EOF\nnever terminated",
    "\u0000\u0007\u001b[31m\u2028\u2029\uFEFF\uD800 lone surrogate \uDFFF 🐳 ",
    "# escape=`\nRUN a `\n  b",
    "\t\tFROM\ttab\t--flag=\"a b\"\t$X${Y}\r",
    "--mount=only\n--\n---x\n$$$${}",
  ];

  for (const [i, text] of hostile.entries()) {
    it(`gives back hostile input #${i} exactly`, () => {
      for (const language of LANGUAGES) expect(joinTokens(tokenize(text, language))).toBe(text);
    });
  }

  it("gives back every preset's generated files exactly", () => {
    const specs = [DEFAULT_SPEC, ...PRESETS.map(presetSpec)];
    for (const spec of specs) {
      const g = generate(spec);
      expect(joinTokens(tokenize(g.dockerfile, "dockerfile"))).toBe(g.dockerfile);
      expect(joinTokens(tokenize(g.dockerignore, "ignore"))).toBe(g.dockerignore);
      expect(joinTokens(tokenize(g.requirements, "plaintext"))).toBe(g.requirements);
    }
  });

  it("gives back arbitrary strings exactly, and never yields an empty token", () => {
    const dockerish = fc.constantFrom("FROM ", "RUN ", "\\", "\n", "\r", '"', "'", "$", "${", "}", "--", "#", "<<EOF", "EOF", " ", "\t", "`");
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.array(dockerish, { maxLength: 60 }).map((a) => a.join("")));
    fc.assert(
      fc.property(text, fc.constantFrom(...LANGUAGES), (t, language) => {
        const lines = tokenize(t, language);
        expect(joinTokens(lines)).toBe(t);
        expect(lines.length).toBe(t.split("\n").length);
        for (const line of lines) for (const token of line) expect(token.text).not.toBe("");
      }),
      { numRuns: 500 },
    );
  });
});
