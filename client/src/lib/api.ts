/** A failed API call, carrying the server's `{ error: { code, message, fields } }`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

type ErrorJson = {
  error?: { code?: string; message?: string; fields?: Record<string, string>; field?: string };
};

/** The fields an error names: `fields` as the house format has it, or a single `field` given the message. */
function fieldsOf(error: ErrorJson["error"]): Record<string, string> | undefined {
  if (error?.fields) return error.fields;
  if (error?.field) return { [error.field]: error.message ?? "" };
  return undefined;
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      credentials: "same-origin",
      ...init,
      headers: {
        Accept: "application/json",
        ...(init.body ? { "Content-Type": "application/json" } : {}),
        ...init.headers,
      },
    });
  } catch {
    throw new ApiFailure(0, "network", "The network request failed. Check your connection.");
  }
  if (res.ok) {
    // 204 and other empty answers (sign out, revoke) have no JSON to read.
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const body = (await res.json().catch(() => undefined)) as ErrorJson | undefined;
  throw new ApiFailure(
    res.status,
    body?.error?.code ?? "http_error",
    body?.error?.message ?? `Request failed (${res.status}).`,
    fieldsOf(body?.error),
  );
}

/** Values the server put into the page as `<meta name="foyer:<key>">`. */
export const pageMeta = (key: string): string | undefined =>
  document.querySelector<HTMLMetaElement>(`meta[name="foyer:${key}"]`)?.content;
