/**
 * The Monaco side of the Dockerfile preview. Loaded only with a dynamic `import()` from dockerfile-preview.tsx once
 * the page is idle, so none of this is in the page's first-load JavaScript.
 *
 * What it pulls in, on purpose:
 * - `editor.api`: the standalone editor core (no language services: no TypeScript/JSON/CSS/HTML workers).
 * - the hover contribution, for the line notes (editor.api alone has no hover widget).
 * - the Dockerfile Monarch grammar, registered by hand instead of through its `register.js`, which would lazy-load
 *   the grammar in a further chunk after the editor is shown (a flash of uncoloured text).
 * Next bundles all of it (CSS included), so everything is served from the app's own origin.
 *
 * No web worker is configured: a read-only editor with Monarch highlighting never asks for one. Monarch tokenises on
 * the main thread; the editor worker only serves links, word-based suggestions, unicode highlighting, colour
 * decorators and diffs, whose contributions are not imported here. (Turbopack copies the worker module Monaco
 * references with `new URL(…, import.meta.url)` as an unbundled asset; it is never requested, and the e2e test
 * checks that no worker starts and nothing is logged.)
 */
import * as monaco from "monaco-editor/editor/editor.api.js";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution.js";
import { conf, language } from "monaco-editor/languages/definitions/dockerfile/dockerfile.js";
import type { PreviewLanguage } from "./highlight";

export interface PreviewFile {
  name: string;
  text: string;
  language: PreviewLanguage;
}

export interface PreviewNote {
  from: number;
  to: number;
  note: string;
}

/** Shared with the fallback <pre>, so swapping one for the other does not move a pixel vertically. */
export interface PreviewMetrics {
  fontFamily: string;
  fontSize: number;
  lineHeight: number;
  paddingTop: number;
  paddingBottom: number;
}

export interface PreviewEditorOptions {
  files: PreviewFile[];
  active: string;
  notes: PreviewNote[];
  metrics: PreviewMetrics;
  ariaLabel: string;
  /** An explicit user gesture (click, arrow keys) put the cursor on this line. */
  onLineSelected: (file: string, line: number) => void;
}

export interface PreviewEditor {
  /** Creates or updates one model per file; returns the milliseconds spent updating models. */
  setFiles(files: PreviewFile[]): number;
  show(name: string): void;
  setNotes(notes: PreviewNote[]): void;
  /** Resolves once the editor has painted its first view lines. */
  rendered: Promise<void>;
  dispose(): void;
}

const MONACO_LANGUAGE: Record<PreviewLanguage, string> = {
  dockerfile: "dockerfile",
  ignore: "ignore",
  plaintext: "plaintext",
};

let languagesRegistered = false;
function registerLanguages(): void {
  if (languagesRegistered) return;
  languagesRegistered = true;
  monaco.languages.register({ id: "dockerfile", aliases: ["Dockerfile"] });
  monaco.languages.setMonarchTokensProvider("dockerfile", language);
  monaco.languages.setLanguageConfiguration("dockerfile", conf);
  // .dockerignore: only comments matter.
  monaco.languages.register({ id: "ignore", aliases: ["Ignore"] });
  monaco.languages.setMonarchTokensProvider("ignore", {
    tokenizer: { root: [[/^#.*$/, "comment"], [/^!/, "keyword"]] },
  });
}

const DARK = "(prefers-color-scheme: dark)";
/** vs-dark's comment green (#608b4e on #1e1e1e) is 4.2:1, under WCAG AA; ours is 7.8:1. */
let themesDefined = false;
function themeFor(dark: boolean): string {
  if (!themesDefined) {
    monaco.editor.defineTheme("wheelwright-dark", { base: "vs-dark", inherit: true, rules: [{ token: "comment", foreground: "8cbf73" }], colors: {} });
    themesDefined = true;
  }
  return dark ? "wheelwright-dark" : "vs";
}

let instances = 0;

/** Escapes Markdown so a note is shown as the plain text it is (hover messages are rendered as Markdown). */
function plainMarkdown(text: string): monaco.IMarkdownString {
  return { value: text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, "\\$&"), isTrusted: false, supportHtml: false };
}

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept), so a model update leaves
 * the untouched lines, and with them the scroll position and the cursor, where they were.
 */
function minimalEdit(model: monaco.editor.ITextModel, before: string, after: string): monaco.editor.IIdentifiedSingleEditOperation {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end += 1;
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(before.length - end);
  return {
    range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
    text: after.slice(start, after.length - end),
    forceMoveMarkers: false,
  };
}

export function createPreviewEditor(host: HTMLElement, options: PreviewEditorOptions): PreviewEditor {
  registerLanguages();
  const id = ++instances;
  const models = new Map<string, monaco.editor.ITextModel>();
  const viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();
  const noteDecorations = new Map<string, string[]>();
  let notes: PreviewNote[] = options.notes;
  let current = options.active;

  const media = window.matchMedia(DARK);
  const { metrics } = options;
  const editor = monaco.editor.create(host, {
    model: null,
    readOnly: true,
    domReadOnly: true,
    minimap: { enabled: false },
    automaticLayout: true,
    scrollBeyondLastLine: false,
    theme: themeFor(media.matches),
    fontFamily: metrics.fontFamily,
    fontSize: metrics.fontSize,
    lineHeight: metrics.lineHeight,
    letterSpacing: 0,
    fontLigatures: false,
    padding: { top: metrics.paddingTop, bottom: metrics.paddingBottom },
    lineNumbersMinChars: 3,
    lineDecorationsWidth: 10,
    glyphMargin: false,
    folding: false,
    renderLineHighlight: "line",
    renderLineHighlightOnlyWhenFocus: true,
    guides: { indentation: false },
    matchBrackets: "never",
    occurrencesHighlight: "off",
    selectionHighlight: false,
    contextmenu: false,
    links: false,
    stickyScroll: { enabled: false },
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    scrollbar: { alwaysConsumeMouseWheel: false },
    hover: { enabled: "on", delay: 150, sticky: true },
    ariaLabel: options.ariaLabel,
    accessibilitySupport: "auto",
    wordWrap: "off",
    tabIndex: 0,
  });

  const onScheme = (e: MediaQueryListEvent) => monaco.editor.setTheme(themeFor(e.matches));
  media.addEventListener("change", onScheme);

  const cursorListener = editor.onDidChangeCursorSelection((e) => {
    if (e.reason !== monaco.editor.CursorChangeReason.Explicit) return;
    options.onLineSelected(current, e.selection.positionLineNumber);
  });

  function decorateNotes(): void {
    for (const [name, model] of models) {
      const isDockerfile = model.getLanguageId() === "dockerfile";
      const wanted: monaco.editor.IModelDeltaDecoration[] = isDockerfile
        ? notes
            .filter((n) => n.from >= 1 && n.from <= model.getLineCount())
            .map((n) => ({
              range: new monaco.Range(n.from, 1, Math.min(n.to, model.getLineCount()), 1),
              options: {
                isWholeLine: true,
                hoverMessage: plainMarkdown(n.note),
                // A thin bar in the gutter marks the lines that have a note (same colour as the fallback's).
                linesDecorationsClassName: "border-l-2 border-sky-600 dark:border-sky-400 ml-[3px]",
                stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
              },
            }))
        : [];
      noteDecorations.set(name, model.deltaDecorations(noteDecorations.get(name) ?? [], wanted));
    }
  }

  function setFiles(files: PreviewFile[]): number {
    const t0 = performance.now();
    const seen = new Set<string>();
    for (const file of files) {
      seen.add(file.name);
      const existing = models.get(file.name);
      if (!existing) {
        const uri = monaco.Uri.from({ scheme: "inmemory", authority: `preview-${id}`, path: `/${file.name}` });
        const model = monaco.editor.createModel(file.text, MONACO_LANGUAGE[file.language], uri);
        model.setEOL(monaco.editor.EndOfLineSequence.LF);
        models.set(file.name, model);
        continue;
      }
      const before = existing.getValue();
      if (before !== file.text) existing.applyEdits([minimalEdit(existing, before, file.text)]);
    }
    for (const [name, model] of models) {
      if (seen.has(name)) continue;
      model.dispose();
      models.delete(name);
      viewStates.delete(name);
      noteDecorations.delete(name);
    }
    decorateNotes();
    return performance.now() - t0;
  }

  function show(name: string): void {
    const model = models.get(name);
    if (!model || editor.getModel() === model) return;
    if (editor.getModel()) viewStates.set(current, editor.saveViewState());
    current = name;
    editor.setModel(model);
    const state = viewStates.get(name);
    if (state) editor.restoreViewState(state);
  }

  function setNotes(next: PreviewNote[]): void {
    notes = next;
    decorateNotes();
  }

  setFiles(options.files);
  show(options.active);

  const rendered = new Promise<void>((resolve) => {
    let frames = 0;
    const check = () => {
      frames += 1;
      // Painted: view lines exist (or the file is empty), or give up waiting after ~1 s.
      if (host.querySelector(".view-lines .view-line") || editor.getModel()?.getValueLength() === 0 || frames > 60) {
        requestAnimationFrame(() => resolve());
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });

  return {
    setFiles,
    show,
    setNotes,
    rendered,
    dispose() {
      media.removeEventListener("change", onScheme);
      cursorListener.dispose();
      editor.dispose();
      for (const model of models.values()) model.dispose();
      models.clear();
    },
  };
}
