# syntax=docker/dockerfile:1
# The service image: dependencies installed once, TypeScript compiled in its own stage, and a
# runtime stage holding only the compiled code, the production dependencies and the data.
# Node 24 is the current LTS line; the tag is pinned to one release.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY tsconfig.json tsconfig.browser.json ./
COPY src ./src
# The service, then the scripts the pages load (src/web/assets/*.ts) into dist/web/assets.
RUN npx tsc -p tsconfig.json && npx tsc -p tsconfig.browser.json

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    UNKG_HOST=0.0.0.0 \
    UNKG_PORT=8080
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY ontology ./ontology
COPY data/graph ./data/graph
COPY data/reference ./data/reference
COPY queries ./queries
# The stylesheets and plain scripts the pages load (src/web/staticAssets.ts reads them there).
COPY src/web/assets ./src/web/assets
# The write journal (embedded store) is the only thing the service writes.
RUN mkdir -p /app/var && chown node:node /app/var
USER node
EXPOSE 8080
# Ready when the store answers (data loaded, or the remote store reachable).
HEALTHCHECK --start-period=60s --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The server is PID 1 (exec form, no shell): SIGTERM reaches it and it closes connections and
# the store before exiting.
CMD ["node", "dist/server.js"]
