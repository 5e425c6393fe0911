/**
 * Who made a change: a signed-in person ("Ada Lovelace <ada@example.com>"), an API token
 * ("token CRM sync") or the ADMIN_TOKEN bootstrap ("bootstrap"); from which address.
 */
export interface Actor {
  actor: string;
  ip: string | null;
  personId: string | null;
  tokenId: string | null;
}

export const bootstrapActor = (ip: string | null): Actor => ({ actor: "bootstrap", ip, personId: null, tokenId: null });

export type AuditAction =
  | "event.create"
  | "event.update"
  | "event.duplicate"
  | "session.create"
  | "session.update"
  | "session.delete"
  | "registration.create"
  | "registration.update"
  | "registration.import"
  | "link.rotate"
  | "link.revoke"
  | "invitations.schedule"
  | "networking.update"
  | "branding.update"
  | "branding.logo.set"
  | "branding.logo.remove"
  | "live.follow"
  | "demo.seed"
  | "workspace.create"
  | "owner.bootstrap"
  | "member.invite"
  | "member.update"
  | "member.remove"
  | "token.create"
  | "token.revoke"
  | "passkey.add"
  | "passkey.remove"
  | "stage.channel.create"
  | "stage.channel.link"
  | "stage.channel.release"
  | "stage.key.reveal"
  | "stage.key.rotate"
  | "prepared.create"
  | "prepared.update"
  | "prepared.delete"
  | "prepared.reorder";
