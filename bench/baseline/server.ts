/**
 * The baseline: a plain Node `ws` server doing the session object's broadcast work the simple
 * way: on a chat line, one SQLite insert, then the frame sent to every socket in a loop. It
 * speaks just enough of the protocol (hello → welcome, chat/send → ack + chat/message) for the
 * same load client to drive it. Started as its own process, like workerd, on the port given.
 */
import { DatabaseSync } from "node:sqlite";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocketServer, type WebSocket } from "ws";

const port = Number(process.argv[2] ?? 0);
const db = new DatabaseSync(join(mkdtempSync(join(tmpdir(), "foyer-baseline-")), "chat.db"));
db.exec(
  "PRAGMA journal_mode = WAL; CREATE TABLE chat_messages (id TEXT PRIMARY KEY, author TEXT, text TEXT, at INTEGER)",
);
const insert = db.prepare("INSERT INTO chat_messages (id, author, text, at) VALUES (?, ?, ?, ?)");

let seq = 0;
let ids = 0;
const wss = new WebSocketServer({ port, host: "127.0.0.1", perMessageDeflate: false });
const sockets = new Set<WebSocket>();

wss.on("connection", (ws) => {
  sockets.add(ws);
  ws.on("close", () => sockets.delete(ws));
  ws.on("message", (data) => {
    const frame = JSON.parse(data.toString()) as { type: string; id?: string; text?: string };
    if (frame.type === "hello") {
      ws.send(
        JSON.stringify({
          type: "welcome",
          v: 1,
          sessionId: "baseline",
          you: { registrationId: "r", name: "n", role: "participant" },
          serverTime: Date.now(),
          seq,
          resume: "snapshot",
        }),
      );
      return;
    }
    if (frame.type !== "chat/send" || !frame.id || !frame.text) return;
    const message = {
      id: `msg_${(ids++).toString(36)}`,
      authorId: "reg_baseline",
      authorName: "Mia Moderator",
      text: frame.text,
      at: Date.now(),
      staff: true,
    };
    insert.run(message.id, message.authorId, message.text, message.at);
    ws.send(JSON.stringify({ type: "ack", ref: frame.id, entityId: message.id }));
    const json = JSON.stringify({ type: "chat/message", message, seq: ++seq });
    for (const s of sockets) s.send(json);
  });
});

wss.on("listening", () => {
  const address = wss.address();
  process.stdout.write(`listening ${address !== null && typeof address === "object" ? address.port : port}\n`);
});
