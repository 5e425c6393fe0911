import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientKey } from "../../worker/lib/rate-limit";

const keyFor = async (headers: Record<string, string>) => {
  const app = new Hono().get("/", (c) => c.text(clientKey(c)));
  return (await app.request("/", { headers })).text();
};

describe("rate limit key", () => {
  it("counts Cloudflare's client IP, never a header the client writes", async () => {
    expect(await keyFor({ "CF-Connecting-IP": "203.0.113.7", "X-Forwarded-For": "1.2.3.4" })).toBe("203.0.113.7");
    expect(await keyFor({ "X-Forwarded-For": "1.2.3.4" })).toBe("unknown");
  });

  it("counts an IPv6 client by its /64", async () => {
    expect(await keyFor({ "CF-Connecting-IP": "2001:db8:85a3:1:aaaa:bbbb:cccc:dddd" })).toBe(
      "2001:0db8:85a3:0001::/64",
    );
    expect(await keyFor({ "CF-Connecting-IP": "2001:db8:85a3:1::99" })).toBe("2001:0db8:85a3:0001::/64");
    expect(await keyFor({ "CF-Connecting-IP": "2001:db8::1" })).toBe("2001:0db8:0000:0000::/64");
  });
});
