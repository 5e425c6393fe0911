import { describe, expect, it } from "vitest";
import { cookieSecure } from "../../server/cookies";

describe("session cookies are Secure except on the local machine over plain HTTP", () => {
  it("drops Secure on loopback over http, where Safari would otherwise discard the cookie", () => {
    expect(cookieSecure("http://127.0.0.1:8787/j/x")).toBe(false);
    expect(cookieSecure("http://127.0.0.5/portal")).toBe(false);
    expect(cookieSecure("http://localhost:8801/j/x")).toBe(false);
    expect(cookieSecure("http://[::1]:8787/j/x")).toBe(false);
  });

  it("keeps Secure over https anywhere, and over plain http on any other host", () => {
    expect(cookieSecure("https://127.0.0.1:8787/j/x")).toBe(true);
    expect(cookieSecure("https://events.example.com/j/x")).toBe(true);
    expect(cookieSecure("http://events.example.com/j/x")).toBe(true);
    expect(cookieSecure("http://127.0.0.1.example.com/j/x")).toBe(true);
    expect(cookieSecure("http://localhost.example.com/j/x")).toBe(true);
  });
});
