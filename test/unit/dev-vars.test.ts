import { describe, expect, it } from "vitest";
import { localPublicUrl, parseDevVars } from "../../scripts/dev-vars";

describe("local PUBLIC_URL for npm start", () => {
  it("follows PORT when PUBLIC_URL names this machine, so printed and e-mailed links reach the server", () => {
    expect(localPublicUrl("http://localhost:8787", 8899)).toBe("http://localhost:8899");
    expect(localPublicUrl("http://127.0.0.1:8787", 9000)).toBe("http://127.0.0.1:9000");
    expect(localPublicUrl("http://localhost:8787/", 8787)).toBe("http://localhost:8787");
  });

  it("keeps a PUBLIC_URL that points elsewhere (a tunnel or a LAN name) as set", () => {
    expect(localPublicUrl("https://foyer.example.org", 8899)).toBe("https://foyer.example.org");
    expect(localPublicUrl("http://laptop.lan:8787", 8899)).toBe("http://laptop.lan:8787");
  });

  it("defaults to localhost on the port when .dev.vars has no PUBLIC_URL", () => {
    expect(localPublicUrl(undefined, 8899)).toBe("http://localhost:8899");
    expect(localPublicUrl(parseDevVars("PUBLIC_URL=\nDEMO=true").PUBLIC_URL || undefined, 8787)).toBe(
      "http://localhost:8787",
    );
  });
});
