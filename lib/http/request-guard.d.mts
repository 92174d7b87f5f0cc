/** Types of request-guard.mjs (plain JavaScript so that bare `node` loads it: see the module's comment). */
export declare const MAX_QUERY_PARAMS: number;
export declare const LINK_ERROR_PARAM: "link_error";
export declare const HEAD_PREFIX: number;
export declare const ANSWER_HEADERS: Readonly<Record<string, string>>;

export interface GuardAnswer {
  status: 303 | 414;
  headers: Record<string, string>;
  body: string;
}
export type LinkErrorCode = "too-long" | "too-many" | "too-big";
export type LinkError = { code: "too-long" | "too-many"; size: number } | { code: "too-big" } | { code: "unknown" };

export declare function splitTarget(url: string): { path: string; query: string };
export declare function countParams(query: string): number;
export declare function requestKind(path: string): "api" | "next" | "page";
export declare function linkErrorLocation(code: LinkErrorCode, size?: number): string;
export declare function guardRequest(url: string): GuardAnswer | null;
export declare function bytesPrefix(bytes: Uint8Array | null | undefined, max?: number): string;
export declare function overflowAnswer(start: string, maxHeaderSize: number): GuardAnswer | null;
export declare function overflowResponse(start: string, maxHeaderSize: number): string | null;
export declare function rawResponse(answer: GuardAnswer, head?: boolean): string;
export declare function defaultClientErrorResponse(code: string | undefined): string;
export declare class RequestStart {
  text: string;
  collecting: boolean;
  data(chunk: Uint8Array): void;
  headParsed(): void;
  responseDone(): void;
}
export declare function parseLinkError(value: string | null | undefined): LinkError;
export declare function linkErrorMessage(error: LinkError): string;
