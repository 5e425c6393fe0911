import type { ClientFrameType, MyState, SessionSnapshot } from "../../core/protocol";
import type { AlarmStep } from "./alarms";
import type { SocketAttachment } from "./attachment";
import type { FrameContext, RoomContext } from "./context";
import type {
  AnyFeature,
  EventAudience,
  EventsOf,
  FrameHandler,
  FramesOf,
  KindsOf,
  MeKeysOf,
  SnapshotKeysOf,
} from "./feature";
import type { Migration } from "./migrations";

/**
 * An object class as the runtime runs it, built once from its list of features: nothing about a
 * feature is written anywhere else. The compiler checks the list as a whole: no frame type,
 * snapshot part, personal part or event belongs to two features, and no feature names a room
 * kind the object does not have. (That every client frame type has a handler in some object is
 * checked over both lists, in durable-objects/frames.ts.)
 */
export interface ObjectPlan<Fs extends readonly AnyFeature[] = readonly AnyFeature[]> {
  readonly features: Fs;
  /** The object's own tables, then each feature's, in list order. */
  readonly migrations: readonly Migration[];
  /** The handler of a frame type in a room of this kind; undefined: the frame does not belong here. */
  handler(type: ClientFrameType, kind: string | undefined): FrameHandler<ClientFrameType> | undefined;
  /** The throttled broadcasts, by their stored name. */
  readonly ticks: ReadonlyMap<string, (room: RoomContext, keys: string[]) => void>;
  /** The named alarms: every feature's step under that name. */
  readonly alarms: ReadonlyMap<string, AlarmStep>;
  /** Who may receive an event of this type (undefined: no feature declares it). */
  audienceOf(type: string): EventAudience | undefined;
  afterHello(fc: FrameContext, kind: string | undefined): Promise<void>;
  socketClosed(room: RoomContext, ws: WebSocket, who: SocketAttachment, kind: string | undefined): Promise<void>;
}

type Parts<F> = { frames: FramesOf<F>; snapshot: SnapshotKeysOf<F>; me: MeKeysOf<F>; events: EventsOf<F> };
/** What two features of the list both declare. */
type Twice<Fs extends readonly unknown[], P extends keyof Parts<unknown>, Seen = never> = Fs extends readonly [
  infer H,
  ...infer R,
]
  ? (Parts<H>[P] & Seen) | Twice<R, P, Seen | Parts<H>[P]>
  : never;
type Refuse<X, Message extends string> = [X] extends [never] ? unknown : { [M in Message]: X };
export type ListProblems<Fs extends readonly unknown[], Kind extends string> = Refuse<
  Twice<Fs, "frames">,
  "frame types handled twice"
> &
  Refuse<Twice<Fs, "snapshot">, "snapshot parts declared twice"> &
  Refuse<Twice<Fs, "me">, "personal parts declared twice"> &
  Refuse<Twice<Fs, "events">, "events declared twice"> &
  Refuse<Exclude<KindsOf<Fs[number]>, Kind>, "room kinds this object does not have">;

/** Takes a feature if it works in a room of this kind (see `Feature.kinds`). */
const worksIn = (feature: AnyFeature, kind: string | undefined): boolean =>
  feature.kinds === undefined || (kind !== undefined && (feature.kinds as readonly string[]).includes(kind));

/** What a list of features declares together: tables, ticks, alarm steps and audiences. */
function collect(features: readonly AnyFeature[], own: readonly Migration[] = []) {
  const migrations = new Map<string, Migration>();
  for (const m of [...own, ...features.flatMap((f) => f.migrations ?? [])])
    if (!migrations.has(m.id)) migrations.set(m.id, m);
  const ticks = new Map<string, (room: RoomContext, keys: string[]) => void>();
  const steps = new Map<string, Set<AlarmStep>>();
  const audiences = new Map<string, EventAudience>();
  for (const feature of features) {
    for (const [name, flush] of Object.entries(feature.ticks ?? {})) {
      if (ticks.has(name) && ticks.get(name) !== flush) throw new Error(`two features flush the tick ${name}`);
      ticks.set(name, flush);
    }
    // A step is run once under its name, however many features list it.
    for (const [name, step] of Object.entries(feature.alarms ?? {}))
      steps.set(name, (steps.get(name) ?? new Set()).add(step));
    for (const [type, audience] of Object.entries(feature.audience ?? {})) {
      if (audiences.has(type) && audiences.get(type) !== audience) throw new Error(`${type} has two audiences`);
      audiences.set(type, audience as EventAudience);
    }
  }
  const alarms = new Map<string, AlarmStep>();
  for (const [name, set] of steps) {
    const list = [...set];
    // Steps under one name run side by side (the media alarm polls IVS and ends idle meetings at once).
    alarms.set(
      name,
      list.length === 1 ? list[0]! : async (room) => void (await Promise.all(list.map((step) => step(room)))),
    );
  }
  return { migrations: [...migrations.values()], ticks, alarms, audiences };
}

export function defineObject<const Fs extends readonly AnyFeature[], const Kind extends string = never>(definition: {
  /** The kinds of room this class serves (a programme session's kinds); none: it has only one. */
  kinds?: readonly Kind[];
  /** Tables of the object's own, beside the runtime's and the features'. */
  migrations?: readonly Migration[];
  features: Fs & ListProblems<Fs, Kind>;
}): ObjectPlan<Fs> {
  const features: readonly AnyFeature[] = definition.features;
  const routes = new Map<string, { feature: AnyFeature; handler: FrameHandler<ClientFrameType> }>();
  for (const feature of features) {
    for (const [type, handler] of Object.entries(feature.frames)) {
      if (routes.has(type))
        throw new Error(`${type} is handled by ${routes.get(type)!.feature.name} and ${feature.name}`);
      routes.set(type, { feature, handler: handler as FrameHandler<ClientFrameType> });
    }
  }
  const { migrations, ticks, alarms, audiences } = collect(features, definition.migrations);
  return {
    features: definition.features,
    migrations,
    handler(type, kind) {
      const route = routes.get(type);
      return route && worksIn(route.feature, kind) ? route.handler : undefined;
    },
    ticks,
    alarms,
    audienceOf: (type) => audiences.get(type),
    async afterHello(fc, kind) {
      for (const feature of features) if (feature.afterHello && worksIn(feature, kind)) await feature.afterHello(fc);
    },
    async socketClosed(room, ws, who, kind) {
      for (const feature of features)
        if (feature.socketClosed && worksIn(feature, kind)) await feature.socketClosed(room, ws, who);
    },
  };
}

/** The snapshot as the listed features make it, for the hello feature to send. */
export function snapshotOf<const Fs extends readonly AnyFeature[]>(features: Fs) {
  return (room: RoomContext, staff: boolean): Pick<SessionSnapshot, SnapshotKeysOf<Fs[number]>> => {
    const state: Record<string, unknown> = {};
    for (const feature of features as readonly AnyFeature[]) {
      for (const [key, part] of Object.entries(feature.snapshot ?? {})) {
        const value = (part as (room: RoomContext, staff: boolean) => unknown)(room, staff);
        if (value !== undefined) state[key] = value;
      }
    }
    return state as Pick<SessionSnapshot, SnapshotKeysOf<Fs[number]>>;
  };
}

/** A person's own state as the listed features make it. */
export function personalStateOf<const Fs extends readonly AnyFeature[]>(features: Fs) {
  return (room: RoomContext, who: SocketAttachment): Pick<MyState, MeKeysOf<Fs[number]>> => {
    const me: Record<string, unknown> = {};
    for (const feature of features as readonly AnyFeature[]) {
      for (const [key, part] of Object.entries(feature.me ?? {}))
        me[key] = (part as (room: RoomContext, who: SocketAttachment) => unknown)(room, who);
    }
    return me as Pick<MyState, MeKeysOf<Fs[number]>>;
  };
}
