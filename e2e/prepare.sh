#!/usr/bin/env bash
# Builds the two sites the end-to-end tests run against, one after the other
# (two Next builds at once would fight over two cores):
#   sample — the project's own content/, with 5 articles a page so pagination shows;
#   shared — ../shared/seed + ../shared/corpus as they are, invalid file skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

build() {
  local name=$1
  shift
  echo "── building the $name site for e2e"
  env "$@" NEXT_DIST_DIR=".next-e2e-$name" YUEDU_STORE_DIR=".yuedu/e2e-$name/store" npm run build --silent
}

build sample CONTENT_DIR=content SITE_PAGE_SIZE=5

shared_content=.yuedu/e2e-shared-content
rm -rf "$shared_content"
if [ -d ../shared/seed ] || [ -d ../shared/corpus ]; then
  mkdir -p "$shared_content"
  if [ -d ../shared/seed ]; then cp -R ../shared/seed "$shared_content/seed"; fi
  if [ -d ../shared/corpus ]; then cp -R ../shared/corpus "$shared_content/corpus"; fi
  build shared CONTENT_DIR="$shared_content" SKIP_INVALID=1
else
  echo "── ../shared not found: the shared-corpus e2e tests will be skipped"
fi
