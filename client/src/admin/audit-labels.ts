import { type AdminKey, adminCatalogues, ta } from "./i18n";

/**
 * An audit entry's action (`member.invite`) as people read it ("Invited a member"), from the
 * catalogue; an action this console does not know yet shows as its code.
 */
export function auditActionLabel(action: string): string {
  const key = `admin.auditAction.${action}`;
  return key in adminCatalogues.en ? ta(key as AdminKey) : action;
}
