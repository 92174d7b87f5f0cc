/** Types of deferred-hydration.mjs (plain JavaScript so that bare `node` loads it: see the module's comment). */
export declare const DRAFT_COOKIE: "wheelwright_draft";
export declare function hydratesAtOnce(url: string | undefined, cookieHeader: string | undefined): boolean;
export declare const DEFERRED_SRC: "data-deferred-src";
export declare function bootDeferredHydration(atOnce: boolean, srcAttribute: string): void;
export declare function bootScriptTag(nonce: string | null, atOnce?: boolean): string;
export declare function nonceFromCsp(csp: unknown): string | null;
export interface ScriptDeferrer {
  push(text: string): string;
  end(): string;
}
export declare function createScriptDeferrer(options?: { nonce?: string | null; atOnce?: boolean }): ScriptDeferrer;
