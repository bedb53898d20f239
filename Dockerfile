# syntax=docker/dockerfile:1

# Build stage: a static, stripped binary with no cgo (the SQLite driver is
# pure Go), so the runtime image needs no libc. The nomsgpack tag drops Gin's
# MessagePack codec, which a JSON:API service never uses (about 6 MB).
FROM golang:1.26.10-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -tags nomsgpack -trimpath -ldflags="-s -w" -o /out/parley .

# Runtime stage: distroless, no shell, runs as the unprivileged nonroot user.
# The image is about 32 MB unpacked (a 29.7 MB binary on a 2 MiB base) and
# about 12 MB compressed; docs/BENCHMARKS.md breaks the binary down.
# The working directory is the user's home, so the SQLite default (parley.db
# in the working directory) is writable; production sets PARLEY_DATABASE_URL
# to PostgreSQL and can run with a read-only root file system.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/parley /parley
USER nonroot:nonroot
WORKDIR /home/nonroot
EXPOSE 8080
# `docker run` and compose mark the container healthy once /readyz answers
# 200; the binary checks itself, as the image has no shell or curl.
# Kubernetes ignores this and probes over HTTP (deploy/kubernetes).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["/parley", "healthcheck"]
ENTRYPOINT ["/parley"]
