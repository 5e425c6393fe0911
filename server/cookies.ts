/**
 * Whether a session cookie set in answer to `url` carries `Secure`. Always, except over plain
 * HTTP on this machine's loopback (`npm start`): Chromium and Firefox keep a Secure cookie
 * there, WebKit (Safari) drops it, so a newcomer on Safari could not sign in to the demo.
 * Anywhere else, plain HTTP gets a Secure cookie it cannot use: better no session than one
 * sent in clear.
 */
export function cookieSecure(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return !(protocol === "http:" && isLoopback(hostname));
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}
