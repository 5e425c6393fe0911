import { drizzle, type AnyD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

export type Db = ReturnType<typeof database>;

/** `AnyD1Database` rather than the Workers global type, so Node-side tooling (the seed) can use it too. */
export const database = (d1: AnyD1Database) => drizzle(d1, { schema });
