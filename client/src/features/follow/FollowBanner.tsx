import { useLocation, useNavigate } from "@solidjs/router";
import { createEffect, createMemo, createSignal, on, onCleanup, onMount, Show, untrack } from "solid-js";
import { freshSendTarget } from "../../../../core/protocol";
import { isStaff } from "../../../../core/protocol/identity";
import { t } from "../../i18n";
import { usePortal } from "../../portal/context";
import {
  decideFollow,
  followSession,
  selectionKey,
  targetAt,
  type FollowDecision,
  type FollowSession,
  type Place,
} from "./follow";
import { SelectionPrompt } from "./SelectionPrompt";

/** Long enough to read and choose to stay, short enough that nobody misses the start. */
export const COUNTDOWN_MS = 10_000;

type Move = Extract<FollowDecision, { kind: "move" }> & { deadline: number };

export const placeKey = (p: Place) => (p.kind === "home" ? "home" : p.sessionId);
export const placeHref = (p: Place) =>
  p.kind === "home" ? "/portal" : `/portal/session/${encodeURIComponent(p.sessionId)}`;

export function placeOf(pathname: string): Place {
  const m = /^\/portal\/session\/([^/]+)/.exec(pathname);
  return m ? { kind: "session", sessionId: decodeURIComponent(m[1]!) } : { kind: "home" };
}

/**
 * Follow my programme: when a session starts (or the one the person is in ends, or a moderator
 * sends everyone elsewhere), a banner counts down and then takes the person there. They can go at
 * once, or stay (Escape stays too).
 *
 * It acts on changes, not on the state: wherever the person arrives (by following, or by their
 * own choice, such as opening the programme during a talk), the target of that moment counts as
 * seen, and is not proposed again until the programme moves on. A declined "everyone to …" is
 * not proposed again either, unless the moderator sends again. Parallel sessions the person has
 * not chosen between are asked about instead (no countdown: nobody is moved on a guess).
 */
export function FollowBanner() {
  const portal = usePortal();
  const location = useLocation();
  const navigate = useNavigate();
  const [seenTarget, setSeenTarget] = createSignal<string>();
  const [declinedSends, setDeclinedSends] = createSignal<ReadonlySet<string>>(new Set());
  const [putOff, setPutOff] = createSignal<ReadonlySet<string>>(new Set());
  const [move, setMove] = createSignal<Move>();
  const [ask, setAsk] = createSignal<string[]>();

  const sessions = createMemo<FollowSession[]>(() => portal.programme().sessions.map(followSession));
  const send = () => {
    const nav = portal.live()?.state.nav;
    const to = nav ? freshSendTarget(nav, portal.serverNow()) : null;
    return to !== null && portal.session(to) ? { to, key: `${to}@${nav!.at}` } : undefined;
  };
  const sentTo = () => send()?.to;
  // Two kinds of "no": the programme's target seen (or stayed away from, or a selection put off),
  // and a declined send. They stay apart: a send to the place that is also the programme's target
  // is still news.
  const declined = (): ReadonlySet<string> => {
    const seen = seenTarget();
    return new Set([...(seen ? [seen] : []), ...putOff()]);
  };
  const sendDeclined = () => {
    const s = send();
    return s !== undefined && declinedSends().has(s.key);
  };

  // Arriving anywhere marks the programme's current target as seen.
  createEffect(
    on(
      () => location.pathname,
      () => setSeenTarget(placeKey(targetAt(untrack(sessions), untrack(portal.serverNow)))),
    ),
  );

  createEffect(() => {
    if (location.pathname.startsWith("/portal/tech-check")) {
      setAsk(undefined);
      return setMove(undefined);
    }
    const decision = decideFollow({
      sessions: sessions(),
      now: portal.serverNow(),
      follow: portal.follow(),
      place: placeOf(location.pathname),
      declined: declined(),
      sentTo: sentTo(),
      sendDeclined: sendDeclined(),
      staff: isStaff(portal.me().registration.role),
    });
    switch (decision.kind) {
      case "stay":
        setAsk(undefined);
        return setMove(undefined);
      case "choose": {
        setMove(undefined);
        const asked = untrack(ask);
        if (!asked || selectionKey(asked) !== selectionKey(decision.options)) setAsk(decision.options);
        return;
      }
      case "move": {
        setAsk(undefined);
        const current = untrack(move);
        if (current && placeKey(current.to) === placeKey(decision.to)) return;
        return setMove({ ...decision, deadline: portal.serverNow() + COUNTDOWN_MS });
      }
      default:
        return decision satisfies never;
    }
  });
  const notNow = () => {
    const options = ask();
    if (options) setPutOff((d) => new Set([...d, selectionKey(options)]));
    setAsk(undefined);
  };
  const selected = (sessionId: string) => {
    setAsk(undefined);
    navigate(placeHref({ kind: "session", sessionId }));
  };

  const go = () => {
    const m = move();
    if (!m) return;
    setMove(undefined);
    navigate(placeHref(m.to));
  };
  const stay = () => {
    const m = move();
    if (!m) return;
    const s = send();
    if (m.reason === "moderator" && s) setDeclinedSends((d) => new Set([...d, s.key]));
    else setSeenTarget(placeKey(m.to));
    setMove(undefined);
  };
  // A 1:1 call carries on across pages, so moving would not end it but would open a second call
  // beside it: while one is open the banner waits for the person's choice.
  const held = () => Boolean(portal.hub.you()?.chat);
  createEffect(() => {
    const m = move();
    if (m && !held() && portal.serverNow() >= m.deadline) go();
  });
  onMount(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && move()) stay();
      else if (e.key === "Escape" && ask()) notNow();
    };
    addEventListener("keydown", onKey);
    onCleanup(() => removeEventListener("keydown", onKey));
  });

  const title = (m: Move) => (m.to.kind === "home" ? t("follow.home") : (portal.session(m.to.sessionId)?.title ?? ""));
  const message = (m: Move) => {
    switch (m.reason) {
      case "started":
      case "arrived":
        return t("follow.started", { title: title(m) });
      case "ended":
        return t("follow.ended", { title: title(m) });
      case "moderator":
        return t("follow.moderator", { title: title(m) });
      default:
        return m.reason satisfies never;
    }
  };
  const seconds = () => Math.max(0, Math.ceil(((move()?.deadline ?? 0) - portal.serverNow()) / 1000));

  return (
    <>
      <Show when={ask()}>
        {(options) => <SelectionPrompt options={options()} onSelected={selected} onLater={notNow} />}
      </Show>
      <Show when={move()}>
        {(m) => (
          <div class="follow-banner" data-follow-to={placeKey(m().to)} data-reason={m().reason}>
            {/* Announced once; the ticking seconds are for the eyes only. */}
            <p role="status">{message(m())}</p>
            <Show when={!held()} fallback={<p class="follow-countdown">{t("follow.heldByCall")}</p>}>
              <p class="follow-countdown" aria-hidden="true">
                {t("follow.countdown", { seconds: seconds() })}
              </p>
            </Show>
            <div class="follow-actions">
              <button type="button" onClick={go}>
                {t("follow.goNow")}
              </button>
              <button type="button" class="secondary" onClick={stay} aria-keyshortcuts="Escape">
                {t("follow.stay")}
              </button>
            </div>
          </div>
        )}
      </Show>
    </>
  );
}
