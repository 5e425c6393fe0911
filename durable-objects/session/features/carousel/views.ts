import type {
  CarouselContactsFrame,
  CarouselMine,
  CarouselStateFrame,
  CarouselView,
  CarouselYouFrame,
} from "../../../../core/protocol";
import type { RoomContext } from "../../../runtime/context";
import {
  cardOfPerson,
  contactsOf,
  counts,
  groupById,
  openGroups,
  openMembers,
  personById,
  readClock,
  readConfig,
  type GroupRow,
  type PersonRow,
} from "./store";
import { getOrAdd } from "../../../../core/collections";

export function carouselView(room: RoomContext): CarouselView {
  const clock = readClock(room.sql);
  return {
    ...readConfig(room.sql),
    phase: clock.phase,
    round: clock.round,
    endsAt: clock.endsAt,
    counts: counts(room.sql),
  };
}

export const stateFrame = (room: RoomContext): CarouselStateFrame => ({
  type: "carousel/state",
  carousel: carouselView(room),
});

function mineOf(
  person: PersonRow | undefined,
  group: GroupRow | undefined,
  members: { id: string; extend: boolean; person: PersonRow | undefined }[],
): CarouselMine {
  if (!person || person.active === 0) return { status: "out" };
  if (!group || person.group_id === null)
    return { status: "waiting", reason: person.reason ?? "next_round", away: person.away_since !== null };
  return {
    status: "paired",
    group: {
      id: group.id,
      call: group.id,
      round: group.round,
      partners: members.filter((m) => m.id !== person.registration_id && m.person).map((m) => cardOfPerson(m.person!)),
      endsAt: group.ends_at,
      extensions: group.extensions,
      extendVotes: members.filter((m) => m.extend).map((m) => m.id),
    },
  };
}

/**
 * Sends each of these people their own view. Loads what all of them need in a few queries, so the
 * start of a round with thousands of people costs a handful of scans, not thousands of lookups.
 */
export function tellPeople(room: RoomContext, ids: Iterable<string>): void {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const bulk = wanted.length > 50;
  const people = new Map<string, PersonRow>();
  if (bulk) for (const p of room.sql.exec<PersonRow>("SELECT * FROM carousel_people")) people.set(p.registration_id, p);
  const person = (id: string) => {
    if (!bulk && !people.has(id)) {
      const row = personById(room.sql, id);
      if (row) people.set(id, row);
    }
    return people.get(id);
  };
  const groups = new Map<string, GroupRow>(bulk ? openGroups(room.sql).map((g) => [g.id, g]) : []);
  const group = (id: string | null) => {
    if (id === null) return undefined;
    if (!bulk && !groups.has(id)) {
      const row = groupById(room.sql, id);
      if (row) groups.set(id, row);
    }
    return groups.get(id);
  };
  const members = new Map<string, { id: string; extend: boolean }[]>();
  if (bulk) {
    for (const m of openMembers(room.sql)) {
      getOrAdd(members, m.group_id, () => []).push({ id: m.registration_id, extend: m.extend === 1 });
    }
  }
  const membersOfGroup = (id: string) => {
    let list = members.get(id);
    if (!list) {
      list = room.sql
        .exec<{ registration_id: string; extend: number }>(
          "SELECT registration_id, extend FROM carousel_members WHERE group_id = ? AND left_at IS NULL",
          id,
        )
        .toArray()
        .map((r) => ({ id: r.registration_id, extend: r.extend === 1 }));
      members.set(id, list);
    }
    return list.map((m) => ({ ...m, person: person(m.id) }));
  };
  for (const id of wanted) {
    const p = person(id);
    const g = group(p?.group_id ?? null);
    const you = mineOf(p, g, g ? membersOfGroup(g.id) : []);
    room.sendToPerson(id, { type: "carousel/you", you } satisfies CarouselYouFrame);
  }
}

export function contactsFrame(room: RoomContext, id: string): CarouselContactsFrame {
  return {
    type: "carousel/contacts",
    contacts: contactsOf(room.sql, id).map((c) => ({
      person: { registrationId: c.b, name: c.name, organisation: c.org },
      round: c.round,
      saved: c.mine === 1,
      mutual: c.mine === 1 && c.theirs === 1,
    })),
  };
}

export function tellContacts(room: RoomContext, ids: Iterable<string>): void {
  for (const id of new Set(ids)) room.sendToPerson(id, contactsFrame(room, id));
}
