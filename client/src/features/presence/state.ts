import type { PresencePeopleEvent } from "../../../../core/protocol";
import type { SessionState } from "../session/state";

export function applyPresence(s: SessionState, e: PresencePeopleEvent): void {
  const people = { ...s.presence.people };
  for (const id of e.left) delete people[id];
  for (const p of e.joined) people[p.registrationId] = p;
  s.presence.people = people;
}
