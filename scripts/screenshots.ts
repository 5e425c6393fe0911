/**
 * `npm run screenshots`: the organizer console's pictures in README (docs/console/*.png). Builds
 * the client, starts the app under `wrangler dev` with a state of its own (as the e2e tests do),
 * seeds the demo, lets three demo participants open the portal (so the control room and reports
 * have someone in them), signs in as the demo owner in Debian's Chromium and saves each main tab
 * at 1280×800 in the light scheme. A second server on the fake AWS endpoint shows a stage's IVS
 * channel with its stream key revealed. Not part of `npm test`: run it after changing the console.
 */
import { mkdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build } from "vite";
import type { AdminSession } from "../core/contract/index.ts";
import { CHROMIUM_FLAGS, findChromium } from "../test/e2e/support/chromium.ts";
import { startFakeAws } from "../test/fake-aws/server.ts";
import { freePort } from "./lib/free-port.ts";
import { type LocalServer, startLocalServer } from "./lib/local-server.ts";
import { bootstrap } from "./lib/organizer-client.ts";

const root = resolve(import.meta.dirname, "..");
const out = resolve(root, "docs/console");
/** Kept small so the README stays light to clone and to load. */
const MAX_BYTES = 150 * 1024;

interface Demo {
  event: { id: string; slug: string };
  people: { name: string; link: string }[];
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error("No Chromium: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.");
  process.exit(1);
}

function step(message: string): void {
  console.log(`▸ ${message}`);
}

/** The organizer API with the server's all-scopes token, as an integration would call it. */
async function api<T>(server: LocalServer, method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.origin}${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.apiToken}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const newContext = (browser: Browser, server: LocalServer): Promise<BrowserContext> =>
  browser.newContext({
    baseURL: server.origin,
    locale: "en-GB",
    timezoneId: "Europe/Amsterdam",
    colorScheme: "light",
    viewport: { width: 1280, height: 800 },
    reducedMotion: "reduce",
  });

/** The demo owner, signed in with a fresh one-time link (the link names PUBLIC_URL, this server). */
async function signedInOwner(browser: Browser, server: LocalServer): Promise<Page> {
  const page = await (await newContext(browser, server)).newPage();
  const { signInLink } = await bootstrap(server.origin, server.adminToken);
  await page.goto(signInLink);
  await page.getByRole("navigation", { name: /organizer console/i }).waitFor();
  return page;
}

/** A participant opens their personal link and skips the first-visit tech check. */
async function enterPortal(browser: Browser, server: LocalServer, link: string): Promise<BrowserContext> {
  const context = await newContext(browser, server);
  const page = await context.newPage();
  await page.goto(link);
  await page.waitForURL("**/portal");
  // The page speaks the person's language (Bram's is Dutch).
  const skip = page.getByRole("button", { name: /^(Skip the check|Check overslaan)$/ });
  const landed = page.locator('[data-portal-page="programme"], [data-portal-page="session"]').first();
  await Promise.race([skip.waitFor(), landed.waitFor()]);
  if (await skip.isVisible()) {
    await skip.click();
    await page.getByRole("button", { name: /^(Skip anyway|Toch overslaan)$/ }).click();
  }
  await landed.waitFor();
  return context;
}

async function openTab(page: Page, eventId: string, tab: string, heading: string): Promise<void> {
  await page.goto(`/admin?event=${encodeURIComponent(eventId)}&tab=${tab}`);
  await page.getByRole("heading", { name: heading, exact: true }).first().waitFor();
  await settle(page);
}

/** Lazy chunks, fonts and first reads done; the tabs that poll keep polling, which is fine. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

/** Scrolls so that the element starts near the top of the window, with a little room above. */
async function scrollTo(page: Page, selector: string): Promise<void> {
  await page
    .locator(selector)
    .first()
    .evaluate((el) => {
      window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - 16, behavior: "instant" });
    });
  await page.waitForTimeout(200);
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = resolve(out, `${name}.png`);
  // No focus ring or caret left from the last click: a picture, not a moment of someone's work.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path, animations: "disabled", caret: "hide" });
  const size = statSync(path).size;
  console.log(`  ${name}.png ${Math.round(size / 1024)} KB${size > MAX_BYTES ? "  (over 150 KB)" : ""}`);
}

const IMPORT_CSV = [
  "email,name,ticket,organisation",
  "lin@example.com,Lin Okafor,vip,Harbour Studio",
  "sam@example.com,Sam Peeters,standard,Polder Labs",
  "not-an-address,Noor de Wit,standard,Lumière",
  "kai@example.com,Kai Tanaka,speaker,",
].join("\n");

/** Polls, a quiz and a word cloud for the main stage, as an organizer prepares them ahead. */
async function prepareInteractions(server: LocalServer, stageId: string): Promise<void> {
  const path = `/api/admin/sessions/${encodeURIComponent(stageId)}/prepared`;
  await api(server, "POST", path, {
    kind: "poll",
    definition: { question: "Which talk should we repeat tomorrow?", kind: "single", options: ["Keynote", "Edge"] },
  });
  await api(server, "POST", path, {
    kind: "quiz",
    definition: {
      title: "Edge trivia",
      questions: [
        { text: "Where does a Worker run?", options: ["Near the user", "In one region"], correct: 0, seconds: 20 },
        { text: "What owns a session's live state?", options: ["A Durable Object", "D1"], correct: 0, seconds: 20 },
      ],
    },
  });
  await api(server, "POST", path, { kind: "wordcloud", definition: { prompt: "One word for today", perPerson: 3 } });
}

async function localConsole(browser: Browser): Promise<void> {
  step("Starting the app (local providers)");
  const server = await startLocalServer();
  const participants: BrowserContext[] = [];
  try {
    const demo = await api<Demo>(server, "POST", "/api/admin/demo");
    const id = demo.event.id;
    const { items: sessions } = await api<{ items: AdminSession[] }>(
      server,
      "GET",
      `/api/admin/events/${encodeURIComponent(id)}/sessions`,
    );
    const stage = sessions.find((s) => s.kind === "stage");
    if (!stage) throw new Error("The demo has no stage");
    await prepareInteractions(server, stage.id);

    step("Participants open their links");
    for (const name of ["Ada", "Bram", "Chlo"]) {
      const person = demo.people.find((p) => p.name.startsWith(name));
      if (person) participants.push(await enterPortal(browser, server, person.link));
    }

    step("Screenshots");
    const signedOut = await (await newContext(browser, server)).newPage();
    await signedOut.goto("/admin");
    await signedOut.getByRole("heading", { name: "Sign in" }).waitFor();
    await settle(signedOut);
    await shoot(signedOut, "signin");
    await signedOut.context().close();

    const page = await signedInOwner(browser, server);
    await page.goto("/admin");
    await page.getByRole("heading", { name: "Events", exact: true }).waitFor();
    await page.getByRole("button", { name: /^Duplicate Foyer Demo Day$/ }).click();
    await page.getByRole("heading", { name: /^Duplicate / }).waitFor();
    await settle(page);
    await shoot(page, "events");

    await page.goto("/admin");
    await page.getByRole("button", { name: "New event" }).click();
    await page.getByLabel("Title (English)").fill("Partner summit");
    await settle(page);
    await scrollTo(page, "#new-event-heading");
    await shoot(page, "new-event");

    await openTab(page, id, "details", "Details");
    await scrollTo(page, "#event-details-heading");
    await shoot(page, "details");

    await openTab(page, id, "form", "Registration form");
    await scrollTo(page, "#form-tab-heading");
    await shoot(page, "form");

    await openTab(page, id, "programme", "Programme");
    await page.locator(".pg-block").first().waitFor();
    await scrollTo(page, "#pg-h");
    await shoot(page, "programme");
    // The VIP breakout's audience rule, with how many registrations it reaches.
    // The demo starts when it was seeded, so late in the evening its breakouts fall on the next day.
    const breakout = page.locator(".pg-block", { hasText: /building for the edge/i }).first();
    const days = await page
      .locator("#pg-day option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    for (const day of days) {
      if (await breakout.isVisible()) break;
      await page.selectOption("#pg-day", day);
      await page.waitForTimeout(300);
    }
    await breakout.focus();
    await page.keyboard.press("Enter");
    await page.getByText(/^Reaches \d+ of \d+ registered$/).waitFor();
    await scrollTo(page, ".pg-times");
    await shoot(page, "programme-audience");

    await openTab(page, id, "media", "Stage video");
    await page.getByText("Local sample: always playing.").first().waitFor();
    await shoot(page, "media-local");

    await openTab(page, id, "interactions", "Prepared interactions");
    await page.getByText("Edge trivia").first().waitFor();
    await scrollTo(page, "h2");
    await shoot(page, "interactions");

    await openTab(page, id, "branding", "Branding");
    await page.getByLabel("Accent colour as a hex code").fill("#f4b400");
    await page
      .getByRole("button", { name: /^Use this|^Use #/ })
      .first()
      .waitFor();
    await scrollTo(page, "#branding-colours-heading");
    await shoot(page, "branding");

    await openTab(page, id, "registrations", "Registrations");
    await page.locator("tr[data-registration]").first().waitFor();
    await shoot(page, "registrations");
    await page.locator("#import-file").setInputFiles({
      name: "people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(IMPORT_CSV),
    });
    await page.getByRole("button", { name: /^Check \d+ rows$/ }).click();
    await page.getByText("What the import would do").waitFor();
    await settle(page);
    await scrollTo(page, "#imports-heading");
    await shoot(page, "registrations-import");

    await openTab(page, id, "outbox", "Outbox");
    await shoot(page, "outbox");

    await openTab(page, id, "live", "Control room");
    await page.getByText("At a glance").waitFor();
    await settle(page);
    await shoot(page, "live");

    await openTab(page, id, "reports", "Reports");
    await page.locator(".report-summary").waitFor();
    await page.locator(".uplot").first().waitFor();
    await settle(page);
    await shoot(page, "reports");
    await scrollTo(page, ".report-charts");
    await shoot(page, "reports-charts");
  } finally {
    for (const c of participants) await c.close().catch(() => undefined);
    await server.stop();
  }
}

/** The AWS code path against the fake endpoint: a stage's IVS channel, live, its key revealed. */
async function ivsMedia(browser: Browser): Promise<void> {
  step("Starting the fake AWS endpoint and the app on the AWS code path");
  const credentials = { accessKeyId: "AKIDFOYERLOCAL0000", secretAccessKey: "foyer-local-secret-key" };
  const port = await freePort();
  const fake = await startFakeAws({
    port,
    region: "eu-west-1",
    credentials: [credentials],
    playbackBase: `http://127.0.0.1:${port}`,
  });
  const server = await startLocalServer({
    MEDIA_PROVIDER: "aws",
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_OVERRIDE: fake.url,
    MEDIA_ORIGINS: fake.url,
  });
  try {
    const demo = await api<Demo>(server, "POST", "/api/admin/demo");
    const page = await signedInOwner(browser, server);
    await openTab(page, demo.event.id, "media", "Stage video");
    const card = page.locator("section.stage-media").first();
    await card.getByRole("button", { name: "Create IVS channel" }).click();
    await card.getByRole("button", { name: "Show ingest server and stream key" }).waitFor();
    const [channelArn] = [...fake.channels.keys()];
    if (!channelArn) throw new Error("The fake AWS endpoint holds no channel");
    const live = await fetch(`${fake.url}/__fake/ivs/live`, {
      method: "POST",
      body: JSON.stringify({ channelArn, live: true, viewerCount: 3, health: "HEALTHY" }),
    });
    if (!live.ok) throw new Error(`The fake channel did not go live: ${live.status}`);
    await card.getByRole("button", { name: "Show ingest server and stream key" }).click();
    await card.getByRole("button", { name: "Hide stream key" }).waitFor();
    await card.getByText(/^Live since /).waitFor({ timeout: 30_000 });
    await settle(page);
    await scrollTo(page, "section.stage-media");
    await shoot(page, "media-ivs");
  } finally {
    await server.stop();
    await fake.close();
  }
}

mkdirSync(out, { recursive: true });
// `-- --no-build` reuses dist/client (when taking the pictures again without a change in between).
if (!process.argv.includes("--no-build")) {
  step("Building the client");
  await build({ configFile: resolve(root, "client/vite.config.ts"), logLevel: "warn" });
}
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_FLAGS });
try {
  await localConsole(browser);
  await ivsMedia(browser);
  console.log(`✔ Screenshots in ${out}`);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await browser.close();
}
