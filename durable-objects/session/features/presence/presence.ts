import type { PresenceCountFrame, PresencePeopleEvent, PresencePerson } from "../../../../core/protocol";
import { readAttachment, writeAttachment, type SocketAttachment } from "../../../runtime/attachment";
import type { RoomContext } from "../../../runtime/context";
import type { Unsequenced } from "../../../runtime/events";
import { report } from "../reports";
import { endVisit, openVisits, startVisit, type VisitRow } from "./store";
import { getOrAdd } from "../../../../core/collections";

/**
 * The head count goes to every socket, so it leaves at most once a second (while a crowd arrives
 * it would otherwise be thousands of frames every tick); arrivals for staff leave every tick.
 */
const COUNT_EVERY_MS = 1_000;

/** The tick's stored name. */
export const PRESENCE_TICK = "presence";

interface Here {
  person: PresencePerson;
  sockets: number;
}

const attendance = (v: VisitRow) =>
  ({
    kind: "attendance",
    visitId: v.id,
    registrationId: v.registration_id,
    role: v.role,
    device: v.device,
    joinedAt: v.joined_at,
    leftAt: v.left_at,
  }) as const;

/**
 * Who is here. Each connection that completes the handshake is a visit (recorded for attendance
 * reports), except a producer's output page, which is no one; a person with three tabs is one
 * person here. The in-memory view is rebuilt from the
 * open sockets after a wake, and changes leave at most four times a second: a count for everyone,
 * arrivals and departures for staff.
 */
export class Presence {
  private here: Map<string, Here> | undefined;
  private readonly joined = new Map<string, PresencePerson>();
  private readonly left = new Set<string>();
  private countSentAt = 0;
  private countSent: number | undefined;

  constructor(private readonly room: RoomContext) {}

  arrive(ws: WebSocket, who: SocketAttachment): SocketAttachment {
    const here = this.people();
    const now = this.room.now();
    const visit = startVisit(this.room.sql, who, now);
    report(this.room, attendance(visit));
    const ready: SocketAttachment = { ...who, ready: true, visitId: visit.id };
    writeAttachment(ws, ready);
    const entry = here.get(who.registrationId);
    if (entry) entry.sockets++;
    else {
      const person = {
        registrationId: who.registrationId,
        name: who.name,
        role: who.role,
        device: who.device,
        since: now,
      };
      here.set(who.registrationId, { person, sockets: 1 });
      this.joined.set(who.registrationId, person);
      this.left.delete(who.registrationId);
    }
    this.room.ticker.mark(PRESENCE_TICK, "here", { durable: false });
    return ready;
  }

  /**
   * An output page (a browser source; the hello checked it is staff's): it gets everything a
   * socket gets, but it is not a person, so it is neither here nor a visit. Nothing to undo on close.
   */
  unseen(ws: WebSocket, who: SocketAttachment): SocketAttachment {
    const ready: SocketAttachment = { ...who, ready: true, output: true };
    writeAttachment(ws, ready);
    return ready;
  }

  /** Safe to call twice for one socket (an error then a close): the visit ends once. */
  depart(ws: WebSocket, who: SocketAttachment): void {
    if (who.visitId === undefined) return;
    const rebuilt = this.here === undefined;
    const here = this.people(ws);
    const visit = endVisit(this.room.sql, who.visitId, this.room.now());
    if (!visit) return;
    report(this.room, attendance(visit));
    const entry = here.get(who.registrationId);
    // A view rebuilt just now already left this socket out.
    if (entry && !rebuilt) entry.sockets--;
    if (entry && entry.sockets > 0) return;
    here.delete(who.registrationId);
    if (!this.joined.delete(who.registrationId)) this.left.add(who.registrationId);
    this.room.ticker.mark(PRESENCE_TICK, "here", { durable: false });
  }

  count(): number {
    return this.people().size;
  }

  list(): PresencePerson[] {
    return [...this.people().values()].map((h) => h.person);
  }

  /** The tick: arrivals and departures for staff, and the count for everyone when it changed. */
  flush(): void {
    if (this.joined.size > 0 || this.left.size > 0) {
      this.room.publish("staff", {
        type: "presence/people",
        joined: [...this.joined.values()],
        left: [...this.left],
      } satisfies Unsequenced<PresencePeopleEvent>);
      this.joined.clear();
      this.left.clear();
    }
    const count = this.count();
    if (count === this.countSent) return;
    const now = this.room.now();
    if (now - this.countSentAt < COUNT_EVERY_MS) {
      this.room.ticker.mark(PRESENCE_TICK, "here", { durable: false });
      return;
    }
    this.countSentAt = now;
    this.countSent = count;
    this.room.sendEphemeral("all", { type: "presence/count", count } satisfies PresenceCountFrame);
  }

  /**
   * Rebuilt from the sockets after a wake (`except`: a socket that is closing). Visits still open
   * in storage without a socket belonged to an instance that was evicted with its connections:
   * they end now, the moment we learn of it.
   */
  private people(except?: WebSocket): Map<string, Here> {
    if (this.here) return this.here;
    const here = new Map<string, Here>();
    const live = new Set<number>();
    for (const ws of this.room.sockets()) {
      if (ws === except) continue;
      const a = readAttachment(ws);
      // Output pages have no visit: they are never among the people here.
      if (!a.ready || a.output || a.visitId === undefined) continue;
      live.add(a.visitId);
      const entry = here.get(a.registrationId);
      if (entry) entry.sockets++;
      else
        here.set(a.registrationId, {
          person: { registrationId: a.registrationId, name: a.name, role: a.role, device: a.device, since: a.joinedAt },
          sockets: 1,
        });
    }
    if (except) {
      const a = readAttachment(except);
      if (a.visitId !== undefined) live.add(a.visitId);
    }
    const now = this.room.now();
    for (const v of openVisits(this.room.sql)) {
      if (live.has(v.id)) continue;
      const ended = endVisit(this.room.sql, v.id, now);
      if (ended) report(this.room, attendance(ended));
    }
    this.here = here;
    return here;
  }
}

const presences = new WeakMap<RoomContext, Presence>();

/** The room's presence, made on first use (after a wake it rebuilds itself from the sockets). */
export function presenceOf(room: RoomContext): Presence {
  return getOrAdd(presences, room, () => new Presence(room));
}
