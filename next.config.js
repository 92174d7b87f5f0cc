/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The production server (server/main.mjs) rewrites the page's HTML before compressing it
  // (lib/http/deferred-hydration.mjs), so it compresses every response itself.
  compress: false,
  // next build keeps a cache for the next build; CI builds a fresh clone once and never reads it, so it does not write it.
  experimental: { turbopackFileSystemCacheForBuild: !process.env.CI },
  // The container build (Dockerfile) asks for the standalone server; `next start` does not use it.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
};

export default nextConfig;
