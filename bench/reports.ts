/**
 * `node bench/reports.ts`: the reports scenario alone (it is also part of `npm run bench`).
 * BENCH_REPORT_REGISTRATIONS, BENCH_REPORT_VISITS and BENCH_REPORT_RUNS change its size.
 * Prints JSON and writes bench/results/reports.json.
 */
import { cpus } from "node:os";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { startLocalServer } from "../scripts/lib/local-server.ts";
import { reportsParams, reportsScenario } from "./scenarios/reports.ts";

const params = reportsParams();
process.stderr.write(
  `▸ reports: seeding ${params.registrations} registrations and ${params.visits} visits, then ${params.runs} reads each\n`,
);
const server = await startLocalServer();
let result: Awaited<ReturnType<typeof reportsScenario>>;
try {
  result = await reportsScenario(server, params);
} finally {
  await server.stop();
}
const json = JSON.stringify(
  {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", node: process.version },
    scenarios: [result],
  },
  null,
  2,
);
writeFileSync(resolve(import.meta.dirname, "results/reports.json"), `${json}\n`);
process.stdout.write(`${json}\n`);
