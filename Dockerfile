# syntax=docker/dockerfile:1

# Pamper Book container image. Targets:
#   runner  (default) the web app: Next.js standalone server, non-root, health-checked
#   migrate one-shot `prisma migrate deploy` (and `npm run db:seed`), run before the new version takes traffic
#   worker  the outbox worker (`npm run worker`): publishes notifications for app instances run with
#           OUTBOX_PUBLISHER=worker; needs a direct PostgreSQL URL (DIRECT_DATABASE_URL behind PgBouncer)
#
#   docker build -t pamper-book .
#   docker build --target migrate -t pamper-book-migrate .
#   docker run --rm -e DATABASE_URL=… pamper-book-migrate
#   docker run -p 3000:3000 -e DATABASE_URL=… -e AUTH_SECRET=… pamper-book

ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

# --- deps: every dependency, dev ones included (the build and the migration tool need them) -------------
FROM base AS deps
COPY package.json package-lock.json prisma.config.ts ./
# The postinstall step generates the Prisma client from the schema through the project's CLI wrapper.
COPY prisma ./prisma
COPY scripts/prisma ./scripts/prisma
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# --- build: the standalone server bundle ------------------------------------------------------------------
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=deps /app/lib/generated ./lib/generated
ENV NODE_ENV=production
RUN npm run build

# --- migrate: `prisma migrate deploy` against DATABASE_URL, then exit --------------------------------------
FROM base AS migrate
ENV NODE_ENV=production
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node . .
COPY --from=deps --chown=node:node /app/lib/generated ./lib/generated
USER node
# The wrapper runs the real Prisma CLI with the project's WASM schema engine, so no engine download is
# needed at run time. Seed the demo data with: docker run … pamper-book-migrate npm run db:seed
CMD ["node", "scripts/prisma/cli.mjs", "migrate", "deploy"]

# --- worker: the outbox worker, from the same sources and dependencies as the migration job --------------
FROM migrate AS worker
# Node itself as PID 1's child-free process, so SIGTERM reaches the worker (npm would sit in between).
CMD ["node", "--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs", "scripts/outbox-worker.ts"]

# --- runner: only the traced server files, owned by an unprivileged user -----------------------------------
FROM base AS runner
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# /api/ready compares these folder names with the database's applied migrations.
COPY --from=build --chown=node:node /app/prisma/migrations ./prisma/migrations
USER node
EXPOSE 3000
# Liveness only (process up, database answering); orchestrators should gate traffic on /api/ready.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
