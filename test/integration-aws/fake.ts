import { inject } from "vitest";
import type { Fault, LoggedRequest } from "../fake-aws/control";

/** Test-side handle on the fake AWS endpoint's control API (reached from inside workerd). */
export const fakeAws = {
  url: () => inject("fakeAwsUrl"),
  async reset(): Promise<void> {
    await fetch(`${inject("fakeAwsUrl")}/__fake/reset`, { method: "POST" });
  },
  async fault(fault: Fault): Promise<void> {
    await fetch(`${inject("fakeAwsUrl")}/__fake/faults`, { method: "POST", body: JSON.stringify(fault) });
  },
  async requests(): Promise<LoggedRequest[]> {
    return (await (await fetch(`${inject("fakeAwsUrl")}/__fake/requests`)).json()) as LoggedRequest[];
  },
  async state<T = Record<string, unknown>>(): Promise<T> {
    return (await (await fetch(`${inject("fakeAwsUrl")}/__fake/state`)).json()) as T;
  },
  async setLive(
    channelArn: string,
    live: boolean,
    stream: { viewerCount?: number; health?: "HEALTHY" | "STARVING" | "UNKNOWN" } = {},
  ): Promise<void> {
    await fetch(`${inject("fakeAwsUrl")}/__fake/ivs/live`, {
      method: "POST",
      body: JSON.stringify({ channelArn, live, ...stream }),
    });
  },
};
