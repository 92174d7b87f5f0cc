/** Liveness for the container's HEALTHCHECK: answers without touching anything else. */
import { securityHeaders } from "@/lib/http/security-headers";

export const dynamic = "force-static";

export function GET() {
  return new Response("ok\n", { headers: { ...securityHeaders("api", ""), "content-type": "text/plain; charset=utf-8" } });
}
