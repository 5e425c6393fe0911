import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { parseCsv } from "../../../server/csv";

/** The CSV a page downloads when its link named `name` is clicked, as rows keyed by the header. */
export async function downloadCsv(page: Page, name: string): Promise<Record<string, string>[]> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const parsed = parseCsv(await readFile((await file.path())!, "utf8"));
  if (!parsed.ok) throw new Error(parsed.message);
  const [header, ...rows] = parsed.records.map((r) => r.cells);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}
