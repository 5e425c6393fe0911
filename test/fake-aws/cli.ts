/**
 * Runs the fake AWS endpoint on its own, e.g. to try `npm start` on the AWS code path:
 *   npm run fake-aws            (listens on 127.0.0.1:4566)
 * then in .dev.vars: MEDIA_PROVIDER=aws (and/or EMAIL_PROVIDER=ses), AWS_REGION=eu-central-1,
 * AWS_ACCESS_KEY_ID=AKIDFOYERLOCAL0000, AWS_SECRET_ACCESS_KEY=foyer-local-secret-key,
 * AWS_ENDPOINT_OVERRIDE=http://127.0.0.1:4566, SES_FROM=events@foyer.test, and
 * MEDIA_ORIGINS=http://127.0.0.1:4566 so the page may play the fake's channels. A channel plays the
 * bundled sample while it is "live": POST /__fake/ivs/live {"channelArn", "live": true}.
 */
import { defaultChimeRegion } from "../../server/config.ts";
import { startFakeAws } from "./server.ts";

export const LOCAL_FAKE_CREDENTIALS = { accessKeyId: "AKIDFOYERLOCAL0000", secretAccessKey: "foyer-local-secret-key" };

const port = Number(process.env.FAKE_AWS_PORT ?? 4566);
// eu-central-1 hosts IVS, SES and Chime SDK Meetings' control plane alike.
const region = process.env.AWS_REGION || "eu-central-1";
const chimeRegion = process.env.CHIME_REGION || undefined;
const publicUrl = process.env.FAKE_AWS_PUBLIC_URL ?? `http://127.0.0.1:${port}`;
const fake = await startFakeAws({
  port,
  region,
  ...(chimeRegion ? { chimeRegion } : {}),
  credentials: [LOCAL_FAKE_CREDENTIALS],
  playbackBase: publicUrl,
});
console.log(
  `Fake AWS (SES v2 and IVS in ${region}, Chime SDK Meetings in ${chimeRegion ?? defaultChimeRegion(region)}) listening on ${fake.url}`,
);
console.log(`  credentials: ${LOCAL_FAKE_CREDENTIALS.accessKeyId} / ${LOCAL_FAKE_CREDENTIALS.secretAccessKey}`);
process.on("SIGINT", () => void fake.close().then(() => process.exit(0)));
process.on("SIGTERM", () => void fake.close().then(() => process.exit(0)));
