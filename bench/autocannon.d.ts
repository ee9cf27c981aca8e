/**
 * The part of autocannon's programmatic API that bench/load.ts uses.
 * autocannon ships no types, and the project takes no second devDependency
 * for @types/autocannon; shapes checked against autocannon 9 (lib/init.js,
 * lib/run.js, lib/aggregateResult.js).
 */
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds to wait for one response before counting a timeout. */
      timeout?: number;
      headers?: Record<string, string>;
      title?: string;
    }

    /** Summary of one histogram: `mean`, `total` and percentiles such as `p50`, `p99`. */
    interface Histogram {
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p99: number;
    }

    interface Result {
      /** Per response, in ms; non-2xx responses count too (excludeErrorStats is off). */
      latency: Histogram;
      /** Responses per second sample; `total` = all responses received. */
      requests: Histogram & { sent: number };
      /** Bytes per second sample, as received on the wire. */
      throughput: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      "5xx": number;
      statusCodeStats: Record<string, { count: number }>;
    }

    /** An EventEmitter that is also a promise of the result (when no callback is given). */
    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
