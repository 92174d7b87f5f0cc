/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The production server (server/main.mjs) rewrites the page's HTML before compressing it
  // (lib/http/deferred-hydration.mjs), so it compresses every response itself.
  compress: false,
  // The container build (Dockerfile) asks for the standalone server; `next start` does not use it.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
};

export default nextConfig;
