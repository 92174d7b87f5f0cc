/**
 * The Monaco side of the Dockerfile preview. Loaded only with a dynamic `import()` from dockerfile-preview.tsx on the
 * first sign of intent to use the preview, so none of this is in the page's first-load JavaScript.
 *
 * What it pulls in, on purpose:
 * - `editor.api`: the standalone editor core (no language services: no TypeScript/JSON/CSS/HTML workers).
 *   Not Monaco's hover contribution: it pulls in find, go-to-symbol, code actions, inlay hints and more (≈ 345 KB
 *   minified, 11% of the chunk), most of them editor contributions instantiated with every editor. The line
 *   notes get a small content widget of their own instead (noteHover below).
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
import { conf, language } from "monaco-editor/languages/definitions/dockerfile/dockerfile.js";
import type { LineNote } from "@/lib/render/printed";
import type { PreviewFile, PreviewLanguage } from "@/lib/wizard/files";

performance.mark("preview:monaco-evaluated");

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
  notes: LineNote[];
  metrics: PreviewMetrics;
  ariaLabel: string;
  /** An explicit user gesture (click, arrow keys) put the cursor on this line. */
  onLineSelected: (file: string, line: number) => void;
}

export interface PreviewEditor {
  /**
   * Creates or updates one model per file (a minimal edit each) and the line notes' decorations (only where the
   * notes or the text changed); returns the milliseconds spent.
   */
  update(files: PreviewFile[], notes: LineNote[]): number;
  show(name: string): void;
  /** Renders the view now (instead of in the editor's next animation frame): the DOM shows the current text. */
  renderNow(): void;
  /** Takes over from the fallback <pre>: its scroll position and selected line (the cursor goes there). */
  takeOver(from: { scrollTop: number; line: number | null }): void;
  focus(): void;
  /** Resolves once the editor's view lines are in the DOM (at once, normally: the first render is synchronous). */
  rendered: Promise<void>;
  dispose(): void;
}

const MONACO_LANGUAGE: Record<PreviewLanguage, string> = {
  dockerfile: "dockerfile",
  ignore: "ignore",
  yaml: "yaml",
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
  // compose.yaml as Wheelwright writes it: comments, keys, double-quoted strings.
  monaco.languages.register({ id: "yaml", aliases: ["YAML"] });
  monaco.languages.setMonarchTokensProvider("yaml", {
    tokenizer: { root: [[/^\s*#.*$/, "comment"], [/^(\s*(?:- )?)([A-Za-z_][\w-]*)(?=:)/, ["", "keyword"]], [/"(?:[^"\\]|\\.)*"/, "string"]] },
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

/**
 * The line notes on hover: after 150 ms over a noted line, its note in a small box above the note's first line;
 * it stays while the pointer is on the same note or on the box, and goes when the pointer leaves, the editor
 * scrolls or the text changes. Plain text (no Markdown). Hidden from assistive technology: the same note reaches
 * keyboard and screen-reader users in the preview's live region when the cursor is on the line.
 */
function noteHover(editor: monaco.editor.IStandaloneCodeEditor, noteAt: (line: number) => LineNote | undefined) {
  const node = document.createElement("div");
  node.setAttribute("data-note-hover", "");
  node.setAttribute("aria-hidden", "true");
  node.className =
    "max-w-[36rem] rounded border border-zinc-300 bg-white px-2 py-1 font-sans text-sm whitespace-normal text-zinc-900 shadow-md dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100";
  node.hidden = true;
  let shown: LineNote | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const widget: monaco.editor.IContentWidget = {
    getId: () => "wheelwright.noteHover",
    getDomNode: () => node,
    getPosition: () =>
      shown
        ? {
            position: { lineNumber: shown.from, column: 1 },
            preference: [monaco.editor.ContentWidgetPositionPreference.ABOVE, monaco.editor.ContentWidgetPositionPreference.BELOW],
          }
        : null,
  };
  editor.addContentWidget(widget);

  function show(note: LineNote | null): void {
    if (note === shown) return;
    shown = note;
    node.textContent = note?.note ?? "";
    node.hidden = note === null;
    editor.layoutContentWidget(widget);
  }
  /** Shows `note` (after the hover delay) or hides (after a short grace, to let the pointer reach the box). */
  function set(note: LineNote | null, now = false): void {
    clearTimeout(timer);
    if (note === shown) return;
    if (now) show(note);
    else timer = setTimeout(() => show(note), note ? (shown ? 0 : 150) : 100);
  }

  const subscriptions = [
    editor.onMouseMove((e) => {
      if (e.target.type === monaco.editor.MouseTargetType.CONTENT_WIDGET && e.target.detail === widget.getId()) return set(shown);
      const line = e.target.position?.lineNumber;
      set((line !== undefined && noteAt(line)) || null);
    }),
    editor.onMouseLeave(() => set(null)),
    editor.onDidScrollChange((e) => {
      if (e.scrollTopChanged) set(null, true);
    }),
  ];
  return {
    set,
    dispose() {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      editor.removeContentWidget(widget);
    },
  };
}

function notesKeyOf(notes: LineNote[]): string {
  return notes.map((n) => `${n.from}-${n.to}-${n.note}`).join("\u0001");
}

/**
 * The editor-independent start-up (languages, themes, Monaco's services and editor features), separate from
 * createPreviewEditor so the caller can run it in a task of its own: three shorter tasks (evaluate the chunk,
 * prepare, create) instead of one long one.
 */
export function prepareMonaco(): void {
  registerLanguages();
  monaco.editor.setTheme(themeFor(window.matchMedia(DARK).matches));
  monaco.editor.getModels(); // initialises the services
  performance.mark("preview:monaco-prepared");
}

export function createPreviewEditor(host: HTMLElement, options: PreviewEditorOptions): PreviewEditor {
  registerLanguages();
  const id = ++instances;
  const models = new Map<string, monaco.editor.ITextModel>();
  const viewStates = new Map<string, monaco.editor.ICodeEditorViewState | null>();
  const noteDecorations = new Map<string, string[]>();
  let notes: LineNote[] = options.notes;
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
    bracketPairColorization: { enabled: false },
    matchBrackets: "never",
    occurrencesHighlight: "off",
    selectionHighlight: false,
    contextmenu: false,
    links: false,
    stickyScroll: { enabled: false },
    overviewRulerLanes: 0,
    hideCursorInOverviewRuler: true,
    scrollbar: { alwaysConsumeMouseWheel: false },
    ariaLabel: options.ariaLabel,
    accessibilitySupport: "auto",
    wordWrap: "off",
    tabIndex: 0,
    // The textarea input rather than the experimental EditContext one: the editor is read-only, and the EditContext
    // input measures its parent's position before every render (a forced layout of the whole page per keystroke).
    editContext: false,
  });

  const onScheme = (e: MediaQueryListEvent) => monaco.editor.setTheme(themeFor(e.matches));
  media.addEventListener("change", onScheme);

  const cursorListener = editor.onDidChangeCursorSelection((e) => {
    if (e.reason !== monaco.editor.CursorChangeReason.Explicit) return;
    options.onLineSelected(current, e.selection.positionLineNumber);
  });

  /** Per model: the notes and model version its decorations were made for (unchanged: nothing to do). */
  const decorated = new Map<string, string>();
  let notesKey = notesKeyOf(notes);
  function decorateNotes(): void {
    for (const [name, model] of models) {
      if (model.getLanguageId() !== "dockerfile") continue;
      const key = `${notesKey}\u0000${model.getVersionId()}`;
      if (decorated.get(name) === key) continue;
      decorated.set(name, key);
      const lineCount = model.getLineCount();
      const wanted: monaco.editor.IModelDeltaDecoration[] = notes
        .filter((n) => n.from >= 1 && n.from <= lineCount)
        .map((n) => ({
          range: new monaco.Range(n.from, 1, Math.min(n.to, lineCount), 1),
          options: {
            isWholeLine: true,
            // A thin bar in the gutter marks the lines that have a note (same colour as the fallback's).
            linesDecorationsClassName: "border-l-2 border-sky-600 dark:border-sky-400 ml-[3px]",
            stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
          },
        }));
      noteDecorations.set(name, model.deltaDecorations(noteDecorations.get(name) ?? [], wanted));
    }
  }

  function setFiles(files: PreviewFile[]): void {
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
      decorated.delete(name);
    }
  }

  function update(files: PreviewFile[], next: LineNote[]): number {
    const t0 = performance.now();
    const nextKey = notesKeyOf(next);
    notes = next;
    if (nextKey !== notesKey) {
      notesKey = nextKey;
      hover.set(null, true);
    }
    setFiles(files);
    decorateNotes();
    return performance.now() - t0;
  }

  function show(name: string): void {
    const model = models.get(name);
    if (!model || editor.getModel() === model) return;
    if (editor.getModel()) viewStates.set(current, editor.saveViewState());
    current = name;
    hover.set(null, true);
    editor.setModel(model);
    const state = viewStates.get(name);
    if (state) editor.restoreViewState(state);
  }

  const hover = noteHover(editor, (line) => {
    const model = editor.getModel();
    if (!model || model.getLanguageId() !== "dockerfile") return undefined;
    return notes.find((n) => n.from <= line && line <= n.to);
  });

  update(options.files, options.notes);
  show(options.active);
  performance.mark("preview:monaco-created");
  // The first render, now rather than in the next animation frame, so the caller can swap in the same task.
  editor.render();
  performance.mark("preview:monaco-rendered");

  const hasLines = () => host.querySelector(".view-lines .view-line") !== null || editor.getModel()?.getValueLength() === 0;
  const rendered = hasLines()
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        // Not laid out yet (e.g. a zero-size host): wait for a frame that shows lines, or give up after ~1 s.
        let frames = 0;
        const check = () => {
          frames += 1;
          if (hasLines() || frames > 60) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });

  return {
    update,
    show,
    rendered,
    renderNow() {
      editor.render();
    },
    takeOver({ scrollTop, line }) {
      if (line !== null) editor.setPosition({ lineNumber: line, column: 1 });
      editor.setScrollTop(scrollTop);
      editor.render();
    },
    focus() {
      editor.focus();
    },
    dispose() {
      hover.dispose();
      media.removeEventListener("change", onScheme);
      cursorListener.dispose();
      editor.dispose();
      for (const model of models.values()) model.dispose();
      models.clear();
    },
  };
}
