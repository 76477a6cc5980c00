#!/bin/sh
# Runs `cardtable serve` the way it is meant to run in production: `npm start` and the load
# generators start the server through this script. Arguments go to `cardtable serve`.
#
# It runs the server's bundle (plain JavaScript, no TypeScript loader: 60-75 MiB less), built
# from the source by `npm run build -w @cardtable/cli`; `npm start` builds it first.
#
# glibc's malloc raises its mmap threshold each time a large block it mapped is freed (up to
# 32 MiB): once PGlite has freed the buffer its 9 MB WebAssembly module was read into, every
# buffer under 9 MB (socket reads, request bodies, WebAssembly and compiler scratch) comes from
# the heap's arenas instead and the freed holes stay resident. Pinning the threshold at its
# default (128 KiB) keeps it from moving: about 60-90 MiB less RSS for the server
# (docs/benchmarks.md, "Session 16"). Set it yourself to override; other platforms ignore it.
: "${MALLOC_MMAP_THRESHOLD_:=131072}"
export MALLOC_MMAP_THRESHOLD_
bundle="$(dirname "$0")/../dist/serve.js"
if [ ! -f "$bundle" ]; then
  echo "The server is not built: run \`npm run build -w @cardtable/cli\` (npm start does)." >&2
  exit 1
fi
# `exec` keeps one process: signals (SIGTERM to drain, SIGKILL) reach the server itself.
exec "${NODE:-node}" "$bundle" "$@"
