import { createResource, createSignal, createUniqueId, For, Show } from "solid-js";
import { t } from "../../i18n";
import type { CallEngine, CallExit, DeviceKind } from "./engine";

/** Mute, camera, screen share, devices and leave: real buttons with pressed states, in tab order. */
export function CallControls(props: { engine: CallEngine; onLeave: () => void; exit?: CallExit | undefined }) {
  const [settingsOpen, setSettingsOpen] = createSignal(false);
  return (
    <div class="call-controls" role="toolbar" aria-label={t("call.controls")}>
      <button
        type="button"
        aria-pressed={!props.engine.micOn()}
        onClick={() => props.engine.setMic(!props.engine.micOn())}
      >
        {props.engine.micOn() ? t("call.mute") : t("call.unmute")}
      </button>
      <button
        type="button"
        aria-pressed={!props.engine.cameraOn()}
        onClick={() => void props.engine.setCamera(!props.engine.cameraOn())}
      >
        {props.engine.cameraOn() ? t("call.cameraOff") : t("call.cameraOn")}
      </button>
      <button
        type="button"
        aria-pressed={props.engine.sharing()}
        onClick={() => void props.engine.setSharing(!props.engine.sharing())}
      >
        {props.engine.sharing() ? t("call.stopSharing") : t("call.share")}
      </button>
      <button
        type="button"
        aria-expanded={settingsOpen()}
        aria-controls="call-devices"
        onClick={() => setSettingsOpen(!settingsOpen())}
      >
        {t("call.devices")}
      </button>
      <Show
        when={props.exit}
        fallback={
          <button type="button" class="danger" onClick={() => props.onLeave()}>
            {t("call.leave")}
          </button>
        }
      >
        {(exit) => <ExitButton exit={exit()} />}
      </Show>
      <Show when={settingsOpen()}>
        <DevicePicker engine={props.engine} />
      </Show>
    </div>
  );
}

/** The call's exit when it belongs to something bigger (see `CallExit`), named for what it does. */
export function ExitButton(props: { exit: CallExit }) {
  const hint = createUniqueId();
  return (
    <>
      <button
        type="button"
        class="danger"
        aria-label={props.exit.name}
        aria-describedby={hint}
        disabled={props.exit.busy}
        onClick={() => props.exit.run()}
      >
        {props.exit.label}
      </button>
      <span id={hint} hidden>
        {props.exit.hint}
      </span>
    </>
  );
}

function DevicePicker(props: { engine: CallEngine }) {
  const [devices] = createResource(() => props.engine.devices());
  const kinds: { kind: DeviceKind; label: () => string }[] = [
    { kind: "audioinput", label: () => t("call.device.microphone") },
    { kind: "videoinput", label: () => t("call.device.camera") },
    { kind: "audiooutput", label: () => t("call.device.speaker") },
  ];
  return (
    <div id="call-devices" class="call-devices">
      <For each={kinds}>
        {(k) => (
          <Show when={(devices() ?? []).some((d) => d.kind === k.kind)}>
            <label>
              {k.label()}
              <select onChange={(e) => void props.engine.useDevice(k.kind, e.currentTarget.value)}>
                <For each={(devices() ?? []).filter((d) => d.kind === k.kind)}>
                  {(d) => <option value={d.deviceId}>{d.label}</option>}
                </For>
              </select>
            </label>
          </Show>
        )}
      </For>
    </div>
  );
}
