/** Liveness for the container's HEALTHCHECK: answers without touching anything else. */
export const dynamic = "force-static";

export function GET() {
  return new Response("ok\n", { headers: { "content-type": "text/plain; charset=utf-8" } });
}
