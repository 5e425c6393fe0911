import * as v from "valibot";

/**
 * Settings, validated once per `env` object. A missing or malformed setting makes the first
 * request fail with a message naming the setting, instead of failing deep inside a handler.
 */
export interface SigningKey {
  readonly id: string;
  readonly secret: string;
}

export type MediaProvider = "local" | "aws";
export type EmailProvider = "outbox" | "ses";

/** Chime SDK Meetings is controlled (API host and signing region) only from these regions. */
export const CHIME_CONTROL_REGIONS = ["us-east-1", "us-west-2", "eu-central-1", "ap-southeast-1"] as const;
export type ChimeControlRegion = (typeof CHIME_CONTROL_REGIONS)[number];

/**
 * CHIME_REGION's default: AWS_REGION when Chime is controlled from there, else the control region
 * nearest to it (by the region's area), so an eu-west-1 deployment talks to eu-central-1.
 */
export function defaultChimeRegion(awsRegion: string | undefined): ChimeControlRegion {
  const own = CHIME_CONTROL_REGIONS.find((r) => r === awsRegion);
  if (own) return own;
  if (!awsRegion) return "us-east-1";
  if (/^(eu|me|il|af)-/.test(awsRegion)) return "eu-central-1";
  if (/^ap-/.test(awsRegion)) return "ap-southeast-1";
  if (/^(us|ca|mx)-west-/.test(awsRegion)) return "us-west-2";
  return "us-east-1";
}

export interface AwsConfig {
  readonly region: string;
  /** Host and signing region of the Chime SDK Meetings API (one of CHIME_CONTROL_REGIONS). */
  readonly chimeRegion: ChimeControlRegion;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Temporary credentials (STS): sent, signed, as X-Amz-Security-Token. */
  readonly sessionToken: string | undefined;
  /** Base URL that replaces every AWS service host (the local fake AWS endpoint, for tests). */
  readonly endpointOverride: string | undefined;
}

export interface Config {
  readonly publicUrl: string;
  readonly adminToken: string;
  /** The first key signs; every key verifies, so keys can be rotated without breaking links. */
  readonly signingKeys: readonly [SigningKey, ...SigningKey[]];
  readonly media: MediaProvider;
  readonly email: EmailProvider;
  /** Origins allowed to open the session websocket, besides PUBLIC_URL's own. */
  readonly allowedOrigins: readonly string[];
  readonly aws: AwsConfig | undefined;
  readonly sesFrom: string | undefined;
  readonly sesConfigurationSet: string | undefined;
  readonly chimeMediaRegion: string | undefined;
  /** Local calls: most people in one peer-to-peer mesh (each sends its video to every other). */
  readonly meshMaxPeers: number;
  /** Origins of HLS URLs set on stages (an encoder on the local network), allowed by the CSP. */
  readonly mediaOrigins: readonly string[];
  /** IVS channel type for new stage channels (STANDARD transcodes 160p30 to 1080p60). */
  readonly ivsChannelType: IvsChannelType;
  /** Invitation e-mails sent per second at most (SES's default sending quota is 14/s). */
  readonly emailRatePerSecond: number;
  /**
   * The demo seeding routes (`/api/admin/demo`, `/api/admin/demo/crowd`) exist. Off unless set:
   * they create people and print their links, which a production deployment must never offer.
   */
  readonly demo: boolean;
}

export const IvsChannelTypes = ["STANDARD", "ADVANCED_HD", "ADVANCED_SD", "BASIC"] as const;
export type IvsChannelType = (typeof IvsChannelTypes)[number];

export class ConfigError extends Error {
  readonly fields: Readonly<Record<string, string>>;
  constructor(fields: Readonly<Record<string, string>>) {
    super(
      `Invalid configuration: ${Object.entries(fields)
        .map(([name, problem]) => `${name} ${problem}`)
        .join("; ")}`,
    );
    this.name = "ConfigError";
    this.fields = fields;
  }
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

const httpUrl = v.pipe(
  v.string("is missing"),
  v.url("must be an absolute URL such as https://events.example.com"),
  v.check((s) => /^https?:\/\//.test(s), "must start with http:// or https://"),
);

const settings = v.object({
  PUBLIC_URL: httpUrl,
  ADMIN_TOKEN: v.pipe(v.string("is missing"), v.minLength(32, "must be at least 32 characters")),
  LINK_SIGNING_KEYS: v.pipe(
    v.string("is missing"),
    v.check(
      (s) => parseSigningKeys(s) !== undefined,
      "must be a comma-separated list of keyId:secret pairs (key id 1–16 of A-Z a-z 0-9 _ -, secret at least 32 characters, ids unique)",
    ),
  ),
  MEDIA_PROVIDER: v.optional(v.picklist(["local", "aws"], "must be local or aws"), "local"),
  EMAIL_PROVIDER: v.optional(v.picklist(["outbox", "ses"], "must be outbox or ses"), "outbox"),
  ALLOWED_ORIGINS: v.optional(v.string(), ""),
  AWS_REGION: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region such as eu-central-1")),
  ),
  CHIME_REGION: v.optional(
    v.picklist(CHIME_CONTROL_REGIONS, `must be a Chime SDK control region: ${CHIME_CONTROL_REGIONS.join(", ")}`),
  ),
  AWS_ACCESS_KEY_ID: v.optional(v.pipe(v.string(), v.minLength(16, "must be at least 16 characters"))),
  AWS_SECRET_ACCESS_KEY: v.optional(v.pipe(v.string(), v.minLength(16, "must be at least 16 characters"))),
  AWS_SESSION_TOKEN: v.optional(v.pipe(v.string(), v.minLength(16, "must be at least 16 characters"))),
  AWS_ENDPOINT_OVERRIDE: v.optional(httpUrl),
  SES_FROM: v.optional(
    v.pipe(v.string(), v.regex(/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/, "must be an e-mail address")),
  ),
  SES_CONFIGURATION_SET: v.optional(v.string()),
  CHIME_MEDIA_REGION: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region such as eu-central-1")),
  ),
  // A mesh sends every camera to every other peer: past 6–8 people upload bandwidth and CPU run out.
  CALL_MESH_MAX_PEERS: v.optional(
    v.pipe(v.string(), v.regex(/^([2-9]|1[0-2])$/, "must be a whole number from 2 to 12"), v.transform(Number)),
    "6",
  ),
  MEDIA_ORIGINS: v.optional(
    v.pipe(
      v.string(),
      v.check(
        (s) => s.split(",").every((o) => o.trim() === "" || /^https?:\/\/[^/\s]+$/.test(o.trim())),
        "must be a comma-separated list of origins such as http://192.168.1.20:8080",
      ),
    ),
    "",
  ),
  IVS_CHANNEL_TYPE: v.optional(
    v.picklist(IvsChannelTypes, "must be STANDARD, ADVANCED_HD, ADVANCED_SD or BASIC"),
    "STANDARD",
  ),
  EMAIL_RATE_PER_SECOND: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, "must be a whole number of e-mails per second"),
      v.transform(Number),
      v.minValue(1, "must be at least 1"),
      v.maxValue(1000, "must be at most 1000"),
    ),
    "14",
  ),
  DEMO: v.optional(v.picklist(["true", "false"], "must be true or false"), "false"),
});

export function parseSigningKeys(raw: string): [SigningKey, ...SigningKey[]] | undefined {
  const keys: SigningKey[] = [];
  for (const part of raw.split(",")) {
    const at = part.indexOf(":");
    const id = part.slice(0, at).trim();
    const secret = part.slice(at + 1).trim();
    if (at < 0 || !KEY_ID.test(id) || secret.length < 32 || keys.some((k) => k.id === id)) return undefined;
    keys.push({ id, secret });
  }
  const [first, ...rest] = keys;
  return first ? [first, ...rest] : undefined;
}

/** The raw settings as the runtime provides them (the bindings object has them as properties). */
export type Settings = { readonly [K in SettingName]?: string | undefined };
export type SettingName = keyof typeof settings.entries;

/** Empty strings count as absent: `.dev.vars` templates leave unused settings blank. */
function presentSettings(env: Settings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(settings.entries)) {
    const value = (env as unknown as Record<string, unknown>)[name];
    if (typeof value === "string" && value.trim() !== "") out[name] = value.trim();
  }
  return out;
}

export function parseConfig(env: Settings): Config {
  const parsed = v.safeParse(settings, presentSettings(env));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.issues) {
      const name = issue.path?.map((p) => String(p.key)).join(".") ?? "configuration";
      fields[name] ??= issue.input === undefined ? "is missing" : issue.message;
    }
    throw new ConfigError(fields);
  }
  const s = parsed.output;
  const needsAws = s.MEDIA_PROVIDER === "aws" || s.EMAIL_PROVIDER === "ses";
  const missing: Record<string, string> = {};
  const why = `is required when ${s.MEDIA_PROVIDER === "aws" ? "MEDIA_PROVIDER=aws" : "EMAIL_PROVIDER=ses"}`;
  if (needsAws) {
    for (const name of ["AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] as const) {
      if (s[name] === undefined) missing[name] = why;
    }
  }
  if (s.EMAIL_PROVIDER === "ses" && s.SES_FROM === undefined) missing.SES_FROM = "is required when EMAIL_PROVIDER=ses";
  if (Object.keys(missing).length > 0) throw new ConfigError(missing);

  const publicUrl = new URL(s.PUBLIC_URL).origin;
  return {
    publicUrl,
    adminToken: s.ADMIN_TOKEN,
    // Validated by the schema above.
    signingKeys: parseSigningKeys(s.LINK_SIGNING_KEYS)!,
    media: s.MEDIA_PROVIDER,
    email: s.EMAIL_PROVIDER,
    allowedOrigins: [
      publicUrl,
      ...s.ALLOWED_ORIGINS.split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    ],
    aws:
      needsAws && s.AWS_REGION && s.AWS_ACCESS_KEY_ID && s.AWS_SECRET_ACCESS_KEY
        ? {
            region: s.AWS_REGION,
            chimeRegion: s.CHIME_REGION ?? defaultChimeRegion(s.AWS_REGION),
            accessKeyId: s.AWS_ACCESS_KEY_ID,
            secretAccessKey: s.AWS_SECRET_ACCESS_KEY,
            sessionToken: s.AWS_SESSION_TOKEN,
            endpointOverride: s.AWS_ENDPOINT_OVERRIDE,
          }
        : undefined,
    sesFrom: s.SES_FROM,
    sesConfigurationSet: s.SES_CONFIGURATION_SET,
    chimeMediaRegion: s.CHIME_MEDIA_REGION,
    meshMaxPeers: s.CALL_MESH_MAX_PEERS,
    mediaOrigins: s.MEDIA_ORIGINS.split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    ivsChannelType: s.IVS_CHANNEL_TYPE,
    emailRatePerSecond: s.EMAIL_RATE_PER_SECOND,
    demo: s.DEMO === "true",
  };
}

const cache = new WeakMap<Settings, Config>();

/** Parsed settings for this `env`, cached so the work happens once per isolate, not per request. */
export function getConfig(env: Settings): Config {
  let config = cache.get(env);
  if (!config) {
    config = parseConfig(env);
    cache.set(env, config);
  }
  return config;
}
