import * as v from "valibot";
import { ORGANIZER_ROLES, TOKEN_SCOPES } from "../../core/contract/organizers";
import { Email, Instant, NameText, Paging } from "./common";

/** Organizer accounts: bodies of the bootstrap, sign-in, workspace, member and token routes. */

const OrganizerEmail = v.pipe(
  Email,
  v.regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, "must be an e-mail address such as name@example.com"),
);
const OrganizerLanguage = v.optional(v.picklist(["en", "nl"], "must be en or nl"));
const Role = v.picklist(ORGANIZER_ROLES, `must be one of ${ORGANIZER_ROLES.join(", ")}`);
const EventIds = v.nullable(
  v.pipe(
    v.array(v.pipe(v.string(), v.maxLength(64)), "must be a list of event ids, or null for all events"),
    v.maxLength(200, "at most 200 events"),
  ),
);

export const BootstrapBody = v.strictObject({
  email: OrganizerEmail,
  name: NameText(120),
  workspace: NameText(120),
});

export const SignInLinkBody = v.strictObject({ email: OrganizerEmail, language: OrganizerLanguage });

export const SignInBody = v.strictObject({ token: v.pipe(v.string("is required"), v.maxLength(200)) });

export const WorkspaceCreate = v.strictObject({ name: NameText(120) });

export const InviteMemberBody = v.strictObject({
  email: OrganizerEmail,
  name: NameText(120),
  role: Role,
  eventIds: v.optional(EventIds),
  language: OrganizerLanguage,
});

export const UpdateMemberBody = v.pipe(
  v.strictObject({ role: v.optional(Role), eventIds: v.optional(EventIds) }),
  v.check((b) => b.role !== undefined || b.eventIds !== undefined, "needs a role or eventIds"),
);

export const CreateTokenBody = v.strictObject({
  name: NameText(120),
  scopes: v.pipe(
    v.array(v.picklist(TOKEN_SCOPES, `each scope must be one of ${TOKEN_SCOPES.join(", ")}`)),
    v.minLength(1, "needs at least one scope"),
  ),
  expiresAt: v.optional(v.nullable(Instant)),
});

export const AuditQuery = v.object({
  workspaceId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  personId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  eventId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  ...Paging,
});

/** A passkey's name, as people tell their devices apart ("Work laptop"). */
const PasskeyName = NameText(60);

/**
 * The browser's WebAuthn answer (RegistrationResponseJSON or AuthenticationResponseJSON): its
 * shape checked here, bounded in size; @simplewebauthn/server checks everything else.
 */
const B64 = v.pipe(
  v.string("must be base64url text"),
  v.maxLength(16_384),
  v.regex(/^[A-Za-z0-9_-]*$/, "must be base64url"),
);
const WebAuthnResponse = v.looseObject(
  {
    id: v.pipe(B64, v.minLength(1), v.maxLength(1_400)),
    rawId: B64,
    type: v.literal("public-key", "must be public-key"),
    response: v.looseObject({ clientDataJSON: B64 }, "must be the authenticator's response"),
  },
  "must be the browser's WebAuthn answer",
);

export const AddPasskeyBody = v.strictObject({ name: PasskeyName, response: WebAuthnResponse });
export const RenamePasskeyBody = v.strictObject({ name: PasskeyName });
export const PasskeySignInBody = v.strictObject({ response: WebAuthnResponse });
