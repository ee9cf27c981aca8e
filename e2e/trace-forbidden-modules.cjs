// Preloaded into every `next start` the end-to-end suite runs (NODE_OPTIONS=--require). Logs each load of
// jsdom or DOMPurify, which belong to the build only: request handling must never sanitize again.
// The log is checked by e2e/global-teardown.ts and by e2e/sample/no-sanitizer-at-runtime.spec.ts; it is only
// ever appended to (Next may start more processes), and e2e/prepare.sh clears it before each run.
const Module = require("node:module");
const fs = require("node:fs");
const path = require("node:path");

const log = process.env.YUEDU_FORBIDDEN_MODULE_LOG;
const FORBIDDEN = /(?:^|[\\/])(?:jsdom|isomorphic-dompurify|dompurify)(?:[\\/]|$)/;

if (log) {
  fs.mkdirSync(path.dirname(log), { recursive: true });
  // Created empty (never truncated) so a test can tell "no loads" from "tracer not running".
  fs.appendFileSync(log, "");
  const load = Module._load;
  Module._load = function loadAndTrace(request, parent, isMain) {
    if (FORBIDDEN.test(request)) fs.appendFileSync(log, `${request} (required by ${parent && parent.filename})\n`);
    return load.call(this, request, parent, isMain);
  };
}
