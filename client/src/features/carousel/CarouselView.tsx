import { createEffect, createSignal, lazy, Match, on, Show, Switch } from "solid-js";
import type { CarouselGroupView } from "../../../../core/protocol";
import { CarouselLimits } from "../../../../core/protocol";
import type { MeResponse } from "../../../../core/contract/index";
import { t } from "../../i18n";
import type { LiveConnection } from "../../lib/live-connection";
import { CallView } from "../rtc/CallView";
import { ErrorNote } from "../session/ErrorNote";
import { clockText, peopleLabel, refusal } from "../hub/format";
import { useCarousel, type Carousel } from "./carousel";
import { MetList } from "./MetList";
import "../../i18n/networking";
import "./carousel.css";

// Moderator controls load only for moderators.
const CarouselModerator = lazy(() => import("./CarouselModerator"));

/**
 * The chat carousel of a carousel session: the shared countdown, joining and leaving, the current
 * partner's call (the same call view as breakouts), "extend this conversation", and the people
 * met so far with "save contact". Phase changes are announced; the countdown itself is not read
 * out every second (a timer role, polite by default off).
 */
export default function CarouselView(props: { sessionId: string; connection: LiveConnection; me: MeResponse }) {
  const carousel = useCarousel(props.connection);
  const [error, setError] = createSignal<string>();
  const [announcement, setAnnouncement] = createSignal("");
  const act = async (frame: Parameters<Carousel["mutate"]>[0]) => {
    setError(undefined);
    const outcome = await carousel.mutate(frame);
    if (!outcome.ok) setError(refusal(outcome));
  };
  const view = () => carousel.view();
  const waitingReason = () => {
    const mine = carousel.you();
    return mine?.status === "waiting" ? mine.reason : undefined;
  };
  const group = () => {
    const mine = carousel.you();
    return mine?.status === "paired" ? mine.group : undefined;
  };
  const left = () => clockText((view()?.endsAt ?? 0) - carousel.serverNow());
  createEffect(
    on(
      () => (view() ? `${view()!.phase}:${view()!.round}` : undefined),
      (now, before) => {
        const v = view();
        if (!v || before === undefined || now === before) return;
        setAnnouncement(
          v.phase === "round"
            ? t("carousel.announce.round", { round: v.round })
            : v.phase === "break"
              ? t("carousel.announce.break", { round: v.round })
              : t("carousel.announce.idle"),
        );
      },
    ),
  );
  return (
    <section
      class="carousel"
      aria-label={t("carousel.title")}
      data-phase={view()?.phase ?? "loading"}
      data-status={carousel.you()?.status ?? "loading"}
    >
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
      <Show when={view()}>
        {(v) => (
          <div class="carousel-clock">
            <p class="carousel-phase">
              <Switch>
                <Match when={v().phase === "idle" && v().round === 0}>{t("carousel.phase.idle")}</Match>
                {/* Idle after a round: stopped, and said once (what happens next is in the wait line). */}
                <Match when={v().phase === "idle"}>{t("carousel.phase.stopped")}</Match>
                <Match when={v().phase === "round"}>
                  <span role="timer">{t("carousel.phase.round", { round: v().round, time: left() })}</span>
                </Match>
                <Match when={v().phase === "break"}>
                  <span role="timer">{t("carousel.phase.break", { time: left() })}</span>
                </Match>
              </Switch>
            </p>
            <p class="muted">{t("carousel.counts", v().counts)}</p>
          </div>
        )}
      </Show>
      <ErrorNote text={error()} />
      <Switch>
        <Match when={carousel.you()?.status === "out"}>
          <p>{t("carousel.intro")}</p>
          <button type="button" class="primary" onClick={() => void act({ type: "carousel/join" })}>
            {t("carousel.join")}
          </button>
        </Match>
        <Match when={waitingReason()}>
          {(reason) => <p class="carousel-wait">{t(`carousel.wait.${reason()}`)}</p>}
        </Match>
        {/* Keyed by the group's id: a new partner is a new call; a vote to extend is not. */}
        <Match when={group()}>
          <Show when={group()?.id} keyed>
            {(_id: string) => (
              <Pair
                group={group()!}
                carousel={carousel}
                me={props.me}
                sessionId={props.sessionId}
                connection={props.connection}
                act={act}
              />
            )}
          </Show>
        </Match>
      </Switch>
      <Show when={carousel.you() && carousel.you()!.status !== "out"}>
        <button type="button" class="secondary" onClick={() => void act({ type: "carousel/leave" })}>
          {t("carousel.leave")}
        </button>
      </Show>
      <MetList
        contacts={carousel.contacts()}
        onSave={(id) => void act({ type: "carousel/save-contact", registrationId: id })}
      />
      <Show when={props.me.registration.role === "moderator" && view()}>
        {(v) => <CarouselModerator view={v()} act={act} />}
      </Show>
    </section>
  );
}

function Pair(props: {
  group: CarouselGroupView;
  carousel: Carousel;
  me: MeResponse;
  sessionId: string;
  connection: LiveConnection;
  act: (frame: Parameters<Carousel["mutate"]>[0]) => Promise<void>;
}) {
  const myId = () => props.me.registration.id;
  const others = () => props.group.partners.filter((p) => props.group.extendVotes.includes(p.registrationId));
  const iWant = () => props.group.extendVotes.includes(myId());
  const notYet = () => props.group.partners.filter((p) => !props.group.extendVotes.includes(p.registrationId));
  return (
    <div class="carousel-pair" data-group={props.group.id}>
      <p>
        <strong>{t("carousel.talkingWith", { people: peopleLabel(props.group.partners) })}</strong>{" "}
        <span role="timer">
          {t("carousel.endsIn", { time: clockText(props.group.endsAt - props.carousel.serverNow()) })}
        </span>
      </p>
      <CallView
        sessionId={props.sessionId}
        call={props.group.call}
        connection={props.connection}
        myName={props.me.registration.name}
        title={t("carousel.talkingWith", { people: peopleLabel(props.group.partners) })}
        autoJoin
      />
      <div class="carousel-extend" aria-live="polite">
        <Show when={props.group.extensions > 0}>
          <p>{t("carousel.extended", { minutes: CarouselLimits.extendMinutes * props.group.extensions })}</p>
        </Show>
        <Show when={!iWant() && others().length > 0}>
          <p>{t("carousel.extendAsked", { people: peopleLabel(others()) })}</p>
        </Show>
        <Show when={iWant()}>
          <p>{t("carousel.extendWaiting", { people: peopleLabel(notYet()) })}</p>
        </Show>
        <Show
          when={props.group.extensions < CarouselLimits.maxExtensions}
          fallback={<p class="muted">{t("carousel.extendLimit")}</p>}
        >
          <button
            type="button"
            aria-pressed={iWant()}
            onClick={() => void props.act({ type: "carousel/extend", groupId: props.group.id, want: !iWant() })}
          >
            {iWant() ? t("carousel.extendCancel") : t("carousel.extend")}
          </button>
        </Show>
      </div>
    </div>
  );
}
