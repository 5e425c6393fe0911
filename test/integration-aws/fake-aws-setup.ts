import type { TestProject } from "vitest/node";
import { FAKE_AWS } from "../fake-aws/credentials.ts";
import { startFakeAws } from "../fake-aws/server.ts";

export default async function setup(project: TestProject) {
  const fake = await startFakeAws({
    port: Number(process.env.FOYER_FAKE_AWS_PORT),
    region: FAKE_AWS.region,
    credentials: [{ accessKeyId: FAKE_AWS.accessKeyId, secretAccessKey: FAKE_AWS.secretAccessKey }],
  });
  project.provide("fakeAwsUrl", fake.url);
  return () => fake.close();
}
