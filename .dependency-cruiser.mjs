/**
 * One direction for every import (DESIGN.md): core ← server ← worker, durable-objects; client ←
 * core. `npm test` runs this first (`npm run lint:deps`); a wrong import fails it with the rule's
 * name and the offending edge.
 */
const ours = "^(core|server|worker|durable-objects|client|main\\.ts)";

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "core/ runs anywhere: it imports only core/ and plain npm packages (no Workers, no DOM, no Node).",
      severity: "error",
      from: { path: "^core/" },
      to: {
        pathNot: "^core/",
        dependencyTypesNot: ["npm", "npm-dev", "npm-peer", "npm-optional", "npm-no-pkg", "npm-unknown"],
      },
    },
    {
      name: "core-uses-no-runtime",
      comment: "core/ must not reach for a runtime (cloudflare:*, node:*).",
      severity: "error",
      from: { path: "^core/" },
      to: { dependencyTypes: ["core", "unknown", "undetermined"] },
    },
    {
      name: "server-below-worker-and-objects",
      comment: "server/ is shared by the worker and the objects: it imports core/ and server/ only.",
      severity: "error",
      from: { path: "^server/" },
      to: { path: "^(worker|durable-objects|client)/|^main\\.ts$" },
    },
    {
      name: "worker-is-http-only",
      comment: "worker/ talks to the objects through their RPC interfaces in server/rooms.ts, never by importing them.",
      severity: "error",
      from: { path: "^worker/" },
      to: { path: "^(durable-objects|client)/|^main\\.ts$" },
    },
    {
      name: "objects-do-not-import-http",
      comment: "durable-objects/ import core/ and server/, never the HTTP layer.",
      severity: "error",
      from: { path: "^durable-objects/" },
      to: { path: "^(worker|client)/|^main\\.ts$" },
    },
    {
      name: "runtime-knows-no-feature",
      comment:
        "durable-objects/runtime/ is the object runtime every class shares: it reads features only through the list a class passes in.",
      severity: "error",
      from: { path: "^durable-objects/runtime/" },
      to: { path: "^durable-objects/", pathNot: "^durable-objects/runtime/" },
    },
    {
      name: "shared-features-know-no-class",
      comment:
        "durable-objects/features/ (clock, calls) run in more than one object class: they import the runtime, never a class's own features.",
      severity: "error",
      from: { path: "^durable-objects/features/" },
      to: { path: "^durable-objects/", pathNot: "^durable-objects/(runtime|features)/" },
    },
    {
      name: "feature-rules-are-pure",
      comment:
        "A feature's rules.ts holds its pure transitions: no storage, no I/O, no runtime (store.ts and handler.ts do that).",
      severity: "error",
      from: { path: "^durable-objects/(session/|hub/)?features/[^/]+/rules\\.ts$" },
      to: {
        path: "^(server|worker|client|durable-objects)/",
        pathNot:
          "^durable-objects/runtime/rate-limit\\.ts$|^durable-objects/(session/|hub/)?features/[^/]+/rules\\.ts$",
      },
    },
    {
      name: "feature-rules-use-no-runtime",
      comment: "A feature's rules.ts must not reach for a runtime (cloudflare:*, node:*).",
      severity: "error",
      from: { path: "^durable-objects/(session/|hub/)?features/[^/]+/rules\\.ts$" },
      to: { dependencyTypes: ["core", "unknown", "undetermined"] },
    },
    {
      name: "client-imports-core-only",
      comment: "The browser bundle takes only core/ of ours.",
      severity: "error",
      from: { path: "^client/" },
      to: { path: ours, pathNot: "^(client|core)/" },
    },
    {
      name: "demo-seeding-loaded-on-demand",
      comment:
        "The demo and crowd seeding (server/dev/) is for DEMO=true only: the deployed code reaches it through a dynamic import() behind the setting, never a static one, so production never runs it (the bundle carries it, evaluated only by that import()).",
      severity: "error",
      from: { path: "^(core|server|worker|durable-objects)/|^main\\.ts$", pathNot: "^server/dev/" },
      to: { path: "^server/dev/", dependencyTypesNot: ["dynamic-import"] },
    },
    {
      name: "only-db-queries-d1",
      comment:
        "Every D1 query lives in server/db/ (repositories); routes, services and the objects call them. Only server/db/ imports drizzle-orm. Tests may still reach into the database to set up or inspect state.",
      severity: "error",
      from: { pathNot: "^(server/db|test)/" },
      to: { path: "(^|/)node_modules/drizzle-orm/" },
    },
    {
      name: "bench-does-not-import-tests",
      comment: "Benchmarks stand on their own: shared helpers live in bench/lib or the product.",
      severity: "error",
      from: { path: "^bench/" },
      to: { path: "^test/" },
    },
    {
      name: "no-circle-across-folders",
      comment: "No import circle between top-level folders (a circle inside one folder is that folder's business).",
      severity: "error",
      from: { path: "^(core|server|worker|durable-objects|client)/" },
      to: { circular: true, viaSomeNot: "^$1/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|node_modules|\\.wrangler)/" },
    // TypeScript 7.0 has no compiler API for dependency-cruiser: swc parses the sources.
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
