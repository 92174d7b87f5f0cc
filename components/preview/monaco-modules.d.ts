// monaco-editor ships no declarations for its per-language Monarch definitions; this is the part we use.
declare module "monaco-editor/languages/definitions/dockerfile/dockerfile.js" {
  import type { languages } from "monaco-editor/editor/editor.api.js";
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage;
}
