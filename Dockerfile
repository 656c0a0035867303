# One image for every Lianxin service: `docker build --build-arg SERVICE=banks .`
FROM node:20-bookworm-slim
ARG SERVICE
RUN test -n "$SERVICE" || (echo 'build with --build-arg SERVICE=<name>' && false)
RUN npm install -g pnpm@12.4.2
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile
ENV NODE_ENV=production SERVICE=${SERVICE}
USER node
CMD ["sh", "-c", "exec pnpm --filter @lianxin/$SERVICE start"]
