# syntax=docker/dockerfile:1
# Multi-stage: the SDK publishes the operator as one Native AOT binary; a runtime-deps image (libc, OpenSSL, no .NET)
# runs it as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim AS build
# Native AOT links with clang; zlib is linked in by System.IO.Compression.
RUN apt-get update && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Zentoria.Reconciler.sln ./
COPY src/ src/
COPY schema/ schema/
ARG VERSION=0.0.0-dev
RUN dotnet publish src/Zentoria.Reconciler/Zentoria.Reconciler.csproj -c Release --use-current-runtime -o /app \
      -p:Version=${VERSION#v} \
    && rm -f /app/*.dbg /app/*.pdb

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-bookworm-slim AS runtime
# curl serves the HEALTHCHECK only.
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 zentoria \
    && useradd --system --uid 10001 --gid zentoria --home-dir /var/lib/zentoria --create-home zentoria
WORKDIR /app
COPY --from=build /app ./
COPY desired-state/ /app/desired-state/
USER 10001:10001
ENV ZENTORIA_STATE_DIR=/var/lib/zentoria \
    DOTNET_gcServer=0
EXPOSE 9464
# /healthz answers while the reconcile loop is alive (the operator's HTTP endpoint, 127.0.0.1:9464 by default;
# in a container it is bound with --listen 0.0.0.0:9464).
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:9464/healthz || exit 1
ENTRYPOINT ["/app/zentoria-reconciler"]
CMD ["run", "--env", "production", "--desired-state", "/app/desired-state"]
