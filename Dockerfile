# Build stage: compile TypeScript, then keep production dependencies only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
# Reachable from outside the container: HTTP and, when SIMULATOR_ENABLED, the simulated fleet's SNMP agent. On a
# non-loopback HOST the service refuses to start without API_KEYS (docker run -e API_KEYS=...; see docker-compose.yml).
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 SIMULATOR_HOST=0.0.0.0 SIMULATOR_PORT=16100
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public
COPY package.json ./
USER node
EXPOSE 3000 16100/udp
CMD ["node", "dist/main.js"]
