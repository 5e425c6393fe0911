import type { Env } from "../env";

/** The import runner's RPC surface (the object itself is durable-objects/imports/ImportRunner.ts). */
export interface ImportRunnerRpc extends Rpc.DurableObjectBranded {
  poke(): Promise<{ pending: boolean }>;
}

/** One runner for every import: D1 takes one write at a time anyway, and the cron wakes one object. */
export const IMPORT_RUNNER_NAME = "imports";

export const importRunnerStub = (env: Pick<Env, "IMPORT_RUNNER">) =>
  env.IMPORT_RUNNER.get(env.IMPORT_RUNNER.idFromName(IMPORT_RUNNER_NAME));

/**
 * Tells the runner there is work. The job is already committed in D1, so a failed wake is logged
 * rather than failing the request: the cron safety net (wrangler.toml) wakes the runner again.
 */
export async function wakeImports(env: Pick<Env, "IMPORT_RUNNER">): Promise<void> {
  try {
    await importRunnerStub(env).poke();
  } catch (err) {
    console.error("could not wake the import runner:", err);
  }
}
