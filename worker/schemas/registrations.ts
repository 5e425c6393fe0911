import * as v from "valibot";
import { InvitationStates } from "../../core/contract/index";
import { Attributes, AttributeValue, Email, IdList, Instant, Language, NameText, Paging, Role } from "./common";

/**
 * Public registration: only the shape is checked here; whether each answer fits the event's form
 * is `validateRegistration`'s job, so every problem is reported in one 422.
 */
export const PublicRegistrationBody = v.object(
  {
    name: v.string("is required"),
    email: v.string("is required"),
    language: v.optional(v.string()),
    answers: v.optional(
      v.pipe(
        v.record(
          v.pipe(v.string(), v.maxLength(40)),
          v.union([v.string(), v.array(v.string()), v.boolean()]),
          "must be an object of answers",
        ),
        v.check((a) => Object.keys(a).length <= 50, "too many answers"),
      ),
    ),
    selections: v.optional(IdList(50)),
  },
  "must be a registration object",
);

export const AdminRegistrationCreate = v.strictObject({
  name: NameText(200),
  email: Email,
  language: v.optional(Language),
  role: v.optional(Role, "participant"),
  attributes: v.optional(Attributes, {}),
  selections: v.optional(IdList(50), []),
});

export const AdminRegistrationUpdate = v.strictObject({
  name: v.optional(NameText(200)),
  email: v.optional(Email),
  language: v.optional(Language),
  role: v.optional(Role),
  /** Replaces the attributes as a whole. */
  attributes: v.optional(Attributes),
  selections: v.optional(IdList(50)),
});

/** Rows are checked one by one into the import report, so only their shape is enforced here. */
export const BatchBody = v.strictObject({
  registrations: v.pipe(
    v.array(
      v.object({
        email: v.string("is required"),
        name: v.string("is required"),
        language: v.optional(v.string()),
        role: v.optional(v.string()),
        attributes: v.optional(v.record(v.string(), v.union([AttributeValue, v.null()]))),
        selections: v.optional(IdList(50)),
      }),
    ),
    v.minLength(1, "needs at least one registration"),
    v.maxLength(5000, "at most 5000 registrations at once"),
  ),
  /** Apply the good rows even when some are bad (default: all rows or none). */
  partial: v.optional(v.boolean(), false),
  /** Check and report without writing anything. */
  dryRun: v.optional(v.boolean(), false),
});

const Flag = v.optional(v.picklist(["true", "false", "1", "0"], "must be true or false"));
export const ImportQuery = v.object({ partial: Flag, dryRun: Flag });
export const isTrue = (flag: string | undefined) => flag === "true" || flag === "1";

export const InvitationFilter = v.picklist(
  [...InvitationStates, "none"],
  `must be one of ${[...InvitationStates, "none"].join(", ")}`,
);

export const RegistrationListQuery = v.object({
  /** Matches name or e-mail, case-insensitively. */
  q: v.optional(v.pipe(v.string(), v.maxLength(100))),
  role: v.optional(Role),
  invitation: v.optional(InvitationFilter),
  ...Paging,
});

export const RotateLinkBody = v.strictObject({
  /** Send the new link at once (default), or leave it for the next invitation. */
  sendInvitation: v.optional(v.boolean("must be true or false"), true),
});

export const ScheduleInvitationsBody = v.strictObject({
  /** "now", "lead-time" (the event's automatic time), or an ISO date and time. */
  when: v.optional(
    v.union([v.literal("now"), v.literal("lead-time"), Instant], 'must be "now", "lead-time" or an ISO date and time'),
    "now",
  ),
  /** Only these registrations; otherwise everyone matching the filters below. */
  registrationIds: v.optional(IdList(5000)),
  role: v.optional(Role),
  q: v.optional(v.pipe(v.string(), v.maxLength(100))),
  invitation: v.optional(InvitationFilter),
  /** Send again to people whose invitation for their current link was already sent. */
  resend: v.optional(v.boolean(), false),
});

export const InvitationListQuery = v.object({
  state: v.optional(v.picklist(InvitationStates, `must be one of ${InvitationStates.join(", ")}`)),
  registrationId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  ...Paging,
});

export const OutboxQuery = v.object({
  eventId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  to: v.optional(v.pipe(v.string(), v.maxLength(254))),
  ...Paging,
});

export const LinkRequestBody = v.strictObject({ token: v.pipe(v.string("is required"), v.maxLength(1024)) });
