import { parallelTo } from "../../core/protocol/programme";
import type { Db } from "../db/client";
import { sessionsOf } from "../db/sessions";
import { writeSelections } from "../db/registrations";
import type { RegistrationRow } from "../db/schema";
import { ApiError, ErrorCode, notFound } from "../errors";
import { inProgramme } from "../programme";

/**
 * A person selects one of their selectable sessions in the portal (when follow asks, or on the
 * programme page). Selectable sessions that run at the same time are alternatives, so selecting
 * one drops the others from the person's selections: one answer per time slot, and changing it
 * is selecting again. Stored on the registration, so every device (and the server's programme)
 * agrees. Selecting what is already selected changes nothing, which makes a retry safe.
 */
export async function selectSession(
  db: Db,
  registration: RegistrationRow,
  sessionId: string,
  now: number,
): Promise<string[]> {
  const sessions = await sessionsOf(db, registration.eventId);
  const session = sessions.find((s) => s.id === sessionId);
  if (!session || !inProgramme(session, registration))
    throw notFound(`Session ${JSON.stringify(sessionId.slice(0, 80))} in your programme`);
  if (!session.selectable)
    throw new ApiError(
      409,
      ErrorCode.conflict,
      `"${session.title}" is not a session to choose: it is simply part of your programme.`,
    );
  if (now >= session.endsAt) throw new ApiError(409, ErrorCode.conflict, `"${session.title}" has ended.`);

  const alternatives = new Set(parallelTo(sessions, session).map((s) => s.id));
  const next = [...registration.selections.filter((id) => id !== sessionId && !alternatives.has(id)), sessionId];
  if (next.length === registration.selections.length && next.every((id) => registration.selections.includes(id)))
    return registration.selections;
  // A place already held is kept whatever the count; only a new one needs a free seat.
  const seat =
    session.capacity !== null && !registration.selections.includes(sessionId)
      ? { sessionId, capacity: session.capacity }
      : undefined;
  const saved = await writeSelections(db, registration, next, now, seat);
  if (!saved) throw new ApiError(409, ErrorCode.conflict, `"${session.title}" is full.`);
  return saved;
}
