/** Types of share-query.mjs (plain JavaScript so that bare `node` can load it: see the module's comment). */
export declare const MAX_QUERY_LENGTH: 8000;
export declare const RAW_QUERY_MAX: number;
export declare function formatQuery(params: URLSearchParams): string;
export declare function queryLength(query: string | URLSearchParams): number;
