import { For, Show } from "solid-js";
import type { CarouselContact } from "../../../../core/protocol";
import { t } from "../../i18n";
import { personLabel } from "../hub/format";

/** Everyone met in this carousel: save them as a contact; details are shared once both did. */
export function MetList(props: { contacts: CarouselContact[]; onSave: (registrationId: string) => void }) {
  return (
    <Show when={props.contacts.length > 0}>
      <h3>{t("carousel.met")}</h3>
      <ul class="carousel-met">
        <For each={props.contacts}>
          {(c) => (
            <li data-person={c.person.registrationId}>
              <span>{personLabel(c.person)}</span>{" "}
              <Show
                when={c.saved}
                fallback={
                  <button
                    type="button"
                    class="link"
                    aria-label={t("carousel.saveLabel", { name: c.person.name })}
                    onClick={() => props.onSave(c.person.registrationId)}
                  >
                    {t("carousel.save")}
                  </button>
                }
              >
                <span class="muted">{c.mutual ? t("carousel.mutual") : t("carousel.saved")}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
