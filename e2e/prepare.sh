#!/usr/bin/env bash
# Builds the sites the end-to-end tests run against, one after the other
# (two Next builds at once would fight over two cores):
#   sample     — the project's own content/, with 5 articles a page so pagination shows, every article and only
#                the first 2 pages of each list prebuilt, so the suite reads both prebuilt and on-demand list pages;
#   standalone — the same as a standalone server, only 3 articles prebuilt (e2e/deploy);
#   shared  — ../shared/seed + ../shared/corpus as they are, invalid file skipped;
#   hostile — one post per attack vector plus every kind of broken file, invalid files skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

build() {
  local name=$1
  shift
  echo "── building the $name site for e2e"
  env "$@" NEXT_DIST_DIR=".next-e2e-$name" YUEDU_STORE_DIR=".yuedu/e2e-$name/store" npm run build --silent
}

# Logs of sanitizer loads by the servers (see e2e/trace-forbidden-modules.cjs) start empty each run.
rm -f .yuedu/e2e-*/forbidden-modules.log

build sample CONTENT_DIR=content SITE_PAGE_SIZE=5 YUEDU_PREBUILD_LIST_PAGES=2 YUEDU_PREBUILD_LIMIT=all

# The same content as the standalone server a Node host runs, with only the 3 newest articles prebuilt: the
# deployment tests copy it to two "hosts" sharing one Redis, and compare its on-demand pages with the sample's.
build standalone CONTENT_DIR=content SITE_PAGE_SIZE=5 YUEDU_PREBUILD_LIST_PAGES=2 YUEDU_PREBUILD_LIMIT=3 NEXT_OUTPUT=standalone

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

# The hostile site. Its build output is kept for the suite to compare with what must be skipped, and every
# file the build writes is listed: nothing may land outside the build output, whatever the slugs say.
hostile_content=.yuedu/e2e-hostile-content
hostile_meta=.yuedu/e2e-hostile-meta
rm -rf "$hostile_meta" && mkdir -p "$hostile_meta"
npx tsx e2e/hostile/write-content.ts "$hostile_content" "$hostile_meta/manifest.json"
marker="$hostile_meta/build-started"
touch "$marker"
sleep 1
set +e
# Only the newest few articles are prebuilt, so most hostile pages render on their first request; every list
# page is prebuilt, so the suite finds them all in the prerender manifest.
build hostile CONTENT_DIR="$hostile_content" SKIP_INVALID=1 YUEDU_PREBUILD_LIMIT=5 YUEDU_PREBUILD_LIST_PAGES=all >"$hostile_meta/build.log" 2>&1
status=$?
set -e
cat "$hostile_meta/build.log"
if [ "$status" -ne 0 ]; then
  echo "✗ the hostile site did not build (exit $status)"
  exit "$status"
fi
# Every file written during the build in the project outside the hostile site's own output (directories
# change mtime as their entries do, so only files and links are listed; Next rewrites next-env.d.ts and
# TypeScript's build info on every build, whatever the content, and both are gitignored). Outside the
# project, where other programs write too, look for what the traversal vectors aim at: any path named
# after them in the parent folder or /tmp.
project=$(basename "$PWD")
{
  find . \( -path ./node_modules -o -path ./.git -o -path ./.next-e2e-hostile -o -path ./.yuedu/e2e-hostile -o -path "./$hostile_meta" \) -prune \
    -o ! -type d ! -name next-env.d.ts ! -name tsconfig.tsbuildinfo -newer "$marker" -print
  find .. -maxdepth 3 -path "../$project" -prune -o -name '*yuedu-escape*' -print 2>/dev/null
  find /tmp -maxdepth 3 -path "$PWD" -prune -o -name '*yuedu-escape*' -print 2>/dev/null
} >"$hostile_meta/written-outside.txt" || true

# The sample site as Vercel builds it: Vercel's CLI (`vercel build`, offline, given a local .vercel/project.json)
# in a copy of the project, so its `.next` and `.vercel` stay out of this checkout. e2e/deploy checks the Build
# Output it writes.
vercel_out=.yuedu/e2e-vercel
vercel_copy=$(mktemp -d "${TMPDIR:-/tmp}/yuedu-vercel-XXXXXX")
rm -rf "$vercel_out"
echo "── building the sample site with vercel build"
git ls-files --cached --others --exclude-standard -z | xargs -0 cp --parents -t "$vercel_copy"
cp -al node_modules "$vercel_copy/node_modules"
mkdir -p "$vercel_copy/.vercel"
echo '{"projectId":"prj_yuedu_e2e","orgId":"team_yuedu_e2e","settings":{"framework":"nextjs","nodeVersion":"20.x"}}' >"$vercel_copy/.vercel/project.json"
(cd "$vercel_copy" && VERCEL_TELEMETRY_DISABLED=1 SITE_PAGE_SIZE=5 YUEDU_PREBUILD_LIST_PAGES=2 YUEDU_PREBUILD_LIMIT=3 node_modules/.bin/vercel build --yes >build.log 2>&1) || {
  tail -40 "$vercel_copy/build.log"
  rm -rf "$vercel_copy"
  echo "✗ vercel build failed"
  exit 1
}
mkdir -p "$vercel_out"
mv "$vercel_copy/.vercel/output" "$vercel_out/output"
rm -rf "$vercel_copy"
