import { Shell } from "../components/Shell";
import { t } from "../i18n";

export function NotFound() {
  return (
    <Shell>
      <section class="card narrow">
        <h1>{t("notFound.title")}</h1>
        <p>{t("notFound.body")}</p>
      </section>
    </Shell>
  );
}
