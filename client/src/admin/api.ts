import { api } from "../lib/api";

const TOKEN_KEY = "foyer.adminToken";
const NAME_KEY = "foyer.adminName";

/** The admin token lives in sessionStorage: this tab only, gone when it closes. */
export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  name: () => sessionStorage.getItem(NAME_KEY) ?? "",
  save(token: string, name: string) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(NAME_KEY, name);
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(NAME_KEY);
  },
};

/** An organizer API call with the bearer token and the name for the audit log. */
export function adminApi<T>(path: string, init: RequestInit = {}, token = session.token() ?? ""): Promise<T> {
  const name = session.name();
  return api<T>(path, {
    ...init,
    credentials: "omit",
    headers: {
      Authorization: `Bearer ${token}`,
      ...(name ? { "X-Foyer-Actor": encodeURIComponent(name) } : {}),
      ...init.headers,
    },
  });
}
