# syntax=docker/dockerfile:1
# One multi-stage build for every service: docker build --build-arg APP=identity -t threadline-identity .
ARG APP

FROM node:20-bookworm-slim AS build
ARG APP
WORKDIR /repo
COPY . .
RUN test -n "$APP" || (echo "set --build-arg APP=gateway|identity|contact|conversation" && exit 1) \
 && npm ci --no-audit --no-fund \
 && npx turbo run build --filter=@threadline/${APP}... \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ARG APP
ENV NODE_ENV=production HOST=0.0.0.0 APP=${APP}
WORKDIR /repo
COPY --from=build /repo/package.json ./
COPY --from=build /repo/node_modules ./node_modules
COPY --from=build /repo/packages ./packages
COPY --from=build /repo/infra ./infra
COPY --from=build /repo/apps/${APP} ./apps/${APP}
USER node
CMD ["sh", "-c", "exec node --enable-source-maps apps/$APP/dist/main.js"]
