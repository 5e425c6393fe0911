import { spawn } from "node:child_process";
import { resolve } from "node:path";

export interface Baseline {
  origin: string;
  stop(): Promise<void>;
}

/** Starts the baseline server in its own Node process (so it does not share the load client's event loop). */
export function startBaseline(): Promise<Baseline> {
  const child = spawn(process.execPath, ["--no-warnings", resolve(import.meta.dirname, "server.ts"), "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolvePromise, reject) => {
    child.once("exit", (code) => reject(new Error(`baseline exited with ${code}`)));
    child.stdout.on("data", (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString());
      if (!m) return;
      resolvePromise({
        origin: `http://127.0.0.1:${m[1]}`,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
