/** Types of deferred-hydration.mjs (plain JavaScript so that bare `node` loads it: see the module's comment). */
export declare const DRAFT_STORAGE_KEY: "wheelwright:draft:v1";
export declare const DEFERRED_SRC: "data-deferred-src";
export declare function bootDeferredHydration(draftKey: string, srcAttribute: string): void;
export declare function bootScriptTag(nonce: string | null): string;
export declare function nonceFromCsp(csp: unknown): string | null;
export interface ScriptDeferrer {
  push(text: string): string;
  end(): string;
}
export declare function createScriptDeferrer(options?: { nonce?: string | null }): ScriptDeferrer;
