import { createSignal, Show } from "solid-js";
import type { NetworkingPreferences, PreferencesResponse } from "../../../../core/contract/networking";
import { t } from "../../i18n";
import { api } from "../../lib/api";
import { ErrorNote } from "../session/ErrorNote";

/** The person's own choices: listed in the directory (off until they say so), and 1:1 invitations. */
export function Preferences(props: {
  prefs: PreferencesResponse;
  attributes: string[];
  onChange: (p: PreferencesResponse) => void;
}) {
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const change = async (patch: Partial<NetworkingPreferences>) => {
    setSaving(true);
    setError(undefined);
    try {
      props.onChange(
        await api<PreferencesResponse>("/api/me/preferences", { method: "PATCH", body: JSON.stringify(patch) }),
      );
    } catch (err) {
      setError(t("directory.saveFailed", { reason: (err as Error).message }));
    } finally {
      setSaving(false);
    }
  };
  const hint = () =>
    props.attributes.length > 0
      ? t("directory.listedHint", { attributes: props.attributes.join(", ") })
      : t("directory.listedHintPlain");
  return (
    <fieldset class="directory-prefs">
      <legend>{t("directory.prefs")}</legend>
      <Show when={props.prefs.removed}>
        <p class="warning">{t("directory.removed")}</p>
      </Show>
      <label>
        <input
          type="checkbox"
          checked={props.prefs.listed}
          disabled={saving() || props.prefs.removed}
          aria-describedby="directory-listed-hint"
          onChange={(e) => void change({ listed: e.currentTarget.checked })}
        />
        {t("directory.listed")}
      </label>
      <p id="directory-listed-hint" class="muted">
        {hint()}
      </p>
      <label>
        <input
          type="checkbox"
          checked={props.prefs.invitations}
          disabled={saving()}
          onChange={(e) => void change({ invitations: e.currentTarget.checked })}
        />
        {t("directory.invitations")}
      </label>
      <ErrorNote text={error()} />
    </fieldset>
  );
}
