/**
 * GET /api/dockerfile?<the page's share parameters> → the Dockerfile (text/plain).
 *   &format=json      the JSON contract of `wheelwright render --format json` (toJson)
 *   &format=compose   compose.yaml for the same spec (lib/render/compose.ts), text/yaml
 *   &download=1       Content-Disposition: attachment (filename "Dockerfile", "dockerfile.json" or "compose.yaml")
 * Any parameter the share decoder drops answers 400 with { error, issues: [{ field, message }] };
 * a query longer than MAX_QUERY_LENGTH answers 414 (more packages than LIMITS.packages is a 400 naming
 * "packages", like any other refused field). Never a 500, never a stack trace. Before this route runs, the
 * production server's request guard (lib/http/request-guard.mjs) answers a 414 JSON of the same shape for queries
 * with more than 256 parameters and for requests too big for Node's header limit.
 */
import { generate, toJson } from "@/lib/generate";
import { renderCompose } from "@/lib/render/compose";
import { securityHeaders } from "@/lib/http/security-headers";
import { MAX_QUERY_LENGTH, queryLength, searchParamsToSpec } from "@/lib/share";

export const dynamic = "force-dynamic";

// The API is outside proxy.ts (see its matcher): it sets the same API headers itself, so a hostile query never
// pays the proxy's per-parameter cost.
const SECURITY_HEADERS = { ...securityHeaders("api", ""), "Cache-Control": "no-store" };

interface Issue {
  field: string;
  message: string;
}

function problem(status: number, error: string, issues: Issue[]): Response {
  return Response.json({ error, issues }, { status, headers: SECURITY_HEADERS });
}

const FLAG = new Map([["1", true], ["true", true], ["0", false], ["false", false]]);

export function GET(request: Request): Response {
  try {
    const raw = request.url;
    const q = raw.indexOf("?");
    const query = q >= 0 ? raw.slice(q + 1).replace(/#.*$/s, "") : "";
    // Measured as share links are written: Next.js hands the route a re-escaped URL ("," as "%2C").
    const length = queryLength(query);
    if (length > MAX_QUERY_LENGTH)
      return problem(414, `the query is ${length} characters long; the limit is ${MAX_QUERY_LENGTH}`, [
        { field: "query", message: `longer than ${MAX_QUERY_LENGTH} characters` },
      ]);

    // format and download belong to this route, not to the spec.
    const params = new URLSearchParams(query);
    const issues: Issue[] = [];
    const formats = params.getAll("format");
    const downloads = params.getAll("download");
    params.delete("format");
    params.delete("download");
    const format = formats.length ? formats[formats.length - 1] : "dockerfile";
    if (format !== "dockerfile" && format !== "json" && format !== "compose") issues.push({ field: "format", message: "must be dockerfile, json or compose" });
    const download = downloads.length ? FLAG.get(downloads[downloads.length - 1]) : false;
    if (download === undefined) issues.push({ field: "download", message: "must be 1 or 0" });

    const decoded = searchParamsToSpec(params);
    for (const d of decoded.dropped) issues.push({ field: d.field, message: d.param && d.param !== d.field ? `${d.message} (parameter ${d.param})` : d.message });
    if (issues.length) return problem(400, `invalid ${issues[0].field}: ${issues[0].message}`, issues);

    const headers: Record<string, string> = { ...SECURITY_HEADERS };
    if (format === "compose") {
      headers["Content-Type"] = "text/yaml; charset=utf-8";
      if (download) headers["Content-Disposition"] = 'attachment; filename="compose.yaml"';
      return new Response(renderCompose({ spec: decoded.spec }), { headers });
    }
    const generated = generate(decoded.spec);
    if (format === "json") {
      if (download) headers["Content-Disposition"] = 'attachment; filename="dockerfile.json"';
      return Response.json(toJson(generated), { headers });
    }
    headers["Content-Type"] = "text/plain; charset=utf-8";
    if (download) headers["Content-Disposition"] = 'attachment; filename="Dockerfile"';
    return new Response(generated.dockerfile, { headers });
  } catch {
    // Not reachable by design (decoding never throws); still, no 500 with a stack trace.
    return problem(400, "the request could not be read", [{ field: "query", message: "could not be read" }]);
  }
}
