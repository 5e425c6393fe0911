import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../worker/lib/csp.ts";

const directive = (csp: string, name: string) =>
  csp
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.split(" ")
    .slice(1) ?? [];

describe("CSP for media", () => {
  it("lets the stage player run from our own assets in every mode, and nothing else in", () => {
    for (const mode of ["local", "aws"] as const) {
      const csp = contentSecurityPolicy(mode);
      expect(directive(csp, "script-src").slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(directive(csp, "worker-src")).toEqual(["'self'", "blob:"]);
      expect(directive(csp, "media-src")).toEqual(["'self'", "blob:"]);
      expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\s\*[\s;]|\shttps?:[\s;]/);
    }
  });

  it("reaches IVS and Chime only when MEDIA_PROVIDER=aws", () => {
    expect(directive(contentSecurityPolicy("local"), "connect-src")).toEqual(["'self'"]);
    expect(directive(contentSecurityPolicy("aws"), "connect-src")).toEqual([
      "'self'",
      "https://*.live-video.net",
      "https://*.chime.aws",
      "wss://*.chime.aws",
      "https://*.sdkassets.chime.aws",
    ]);
  });

  it("lets Chime load Voice Focus from AWS's CDN with aws, and never locally", () => {
    expect(directive(contentSecurityPolicy("local"), "script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directive(contentSecurityPolicy("aws"), "script-src")).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      "https://*.sdkassets.chime.aws",
    ]);
  });

  it("adds the origins of stage HLS URLs an organizer allowed", () => {
    const csp = contentSecurityPolicy("local", ["http://192.168.1.20:8080"]);
    expect(directive(csp, "connect-src")).toContain("http://192.168.1.20:8080");
    expect(directive(csp, "media-src")).toContain("http://192.168.1.20:8080");
  });
});
