import { Shell } from "../components/Shell";
import { t } from "../i18n";
import { pageMeta } from "../lib/api";

type LinkStatus = "invalid" | "expired" | "revoked";

/** Shown at /j/:token when the server refused the link; the reason comes in a meta tag. */
export function LinkProblem() {
  const raw = pageMeta("link-status");
  const status: LinkStatus = raw === "expired" || raw === "revoked" ? raw : "invalid";
  return (
    <Shell>
      <section class="card narrow" data-link-status={status}>
        <h1>{t(`link.${status}.title`)}</h1>
        <p>{t(`link.${status}.body`)}</p>
      </section>
    </Shell>
  );
}
