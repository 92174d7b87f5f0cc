/** Types of respond.mjs (plain JavaScript, loaded by bare `node`: see server/main.mjs). */
import type { IncomingMessage, ServerResponse } from "node:http";
export declare function wrapResponse(req: IncomingMessage, res: ServerResponse, options: { deferScripts: boolean }): void;
