# syntax=docker/dockerfile:1
# Wheelwright's own image: Next.js standalone output on a slim Node runtime, non-root,
# no npm, no build tools and no source in the final stage.
# Build: docker build -t wheelwright .
# Run:   docker run --rm -p 3000:3000 --read-only --tmpfs /tmp wheelwright

# ---- deps: installs dependencies from the committed lockfile ----
FROM node:20-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-audit --no-fund

# ---- build: production build with standalone output ----
FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED="1" \
    NEXT_OUTPUT="standalone"
COPY --from=deps /src/node_modules ./node_modules
COPY . .
RUN npx next build

# ---- final: only the standalone server, static assets, public files and the guarded entry ----
FROM node:20-bookworm-slim AS final
ENV NODE_ENV="production" \
    NEXT_TELEMETRY_DISABLED="1" \
    HOSTNAME="0.0.0.0" \
    PORT="3000"
WORKDIR /app
# The standalone server carries its own trimmed node_modules; npm and the sources stay behind.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/bin/npm /usr/local/bin/npx /opt/yarn-* /usr/local/bin/yarn /usr/local/bin/yarnpkg
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/public ./public
# The entry runs Next.js behind the request guard (long or oversized links answered before Next.js runs) and
# rewrites and compresses its responses (pages hydrate on intent): it and the plain-JavaScript modules it loads,
# beside the standalone server.js it replaces. See server/main.mjs.
COPY --from=build /src/server/main.mjs ./server/main.mjs
COPY --from=build /src/server/respond.mjs ./server/respond.mjs
COPY --from=build /src/lib/http/request-guard.mjs ./lib/http/request-guard.mjs
COPY --from=build /src/lib/http/deferred-hydration.mjs ./lib/http/deferred-hydration.mjs
COPY --from=build /src/lib/share-query.mjs ./lib/share-query.mjs
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/main.mjs"]
