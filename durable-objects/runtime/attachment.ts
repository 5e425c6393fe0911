import type { DeviceClass } from "../../core/protocol/hello";
import type { Role } from "../../core/protocol/identity";

/**
 * What a socket remembers across hibernation (kept far below the 16 KiB attachment limit): who
 * it is, whether the handshake is done, and when it joined.
 */
export interface SocketAttachment {
  registrationId: string;
  name: string;
  role: Role;
  /** The hello/welcome handshake completed on this socket. */
  ready: boolean;
  device: DeviceClass;
  joinedAt: number;
  /** The attendance record of this connection, once the handshake is done (never for an output page). */
  visitId?: number;
  /** A producer's output page, not a person: left out of presence and attendance. */
  output?: true;
}

export const readAttachment = (ws: WebSocket): SocketAttachment => ws.deserializeAttachment() as SocketAttachment;

export const writeAttachment = (ws: WebSocket, attachment: SocketAttachment): void =>
  ws.serializeAttachment(attachment);

/** Tags let the object find a person's or a role's sockets without reading every attachment. */
export const tagsFor = (a: Pick<SocketAttachment, "registrationId" | "role">): string[] => [
  `r:${a.registrationId}`,
  `o:${a.role}`,
];
