import { Shell } from "../components/Shell";
import { t } from "../i18n";

export function Landing() {
  return (
    <Shell>
      <section class="card narrow">
        <h1>{t("landing.title")}</h1>
        <p>{t("landing.body")}</p>
      </section>
    </Shell>
  );
}
