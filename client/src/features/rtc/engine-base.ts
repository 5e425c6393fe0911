import { createSignal, type Accessor } from "solid-js";
import type { ServerFrame } from "../../../../core/protocol";
import { t } from "../../i18n";
import type { LiveConnection } from "../../lib/live-connection";
import type { CallEngine, CallPhase, CallTile, DeviceChoice, DeviceKind } from "./engine";

const SLOW_JOIN_MS = 15_000;

/**
 * What both providers share: the reactive state the call view reads, and the roster frames from
 * the session object that end a call (removed, replaced, ended, refused), whatever carries the media.
 */
export abstract class EngineBase implements CallEngine {
  readonly phase: Accessor<CallPhase>;
  readonly problem: Accessor<string | undefined>;
  readonly tiles: Accessor<CallTile[]>;
  readonly micOn: Accessor<boolean>;
  readonly cameraOn: Accessor<boolean>;
  readonly sharing: Accessor<boolean>;
  abstract readonly activeSpeaker: Accessor<string | undefined>;
  protected readonly setPhase: (p: CallPhase) => void;
  protected readonly setProblem: (p: string | undefined) => void;
  protected readonly setTiles: (t: CallTile[]) => void;
  protected readonly setMicOn: (on: boolean) => void;
  protected readonly setCameraOn: (on: boolean) => void;
  protected readonly setSharingOn: (on: boolean) => void;
  private readonly unlisten: () => void;
  private readonly slowTimer: ReturnType<typeof setTimeout>;

  constructor(
    protected readonly connection: LiveConnection,
    protected readonly call: string,
  ) {
    [this.phase, this.setPhase] = createSignal<CallPhase>("joining");
    [this.problem, this.setProblem] = createSignal<string>();
    [this.tiles, this.setTiles] = createSignal<CallTile[]>([]);
    [this.micOn, this.setMicOn] = createSignal(true);
    [this.cameraOn, this.setCameraOn] = createSignal(true);
    [this.sharing, this.setSharingOn] = createSignal(false);
    // Chime keeps retrying an unreachable media service quietly; say so rather than spin forever.
    this.slowTimer = setTimeout(() => {
      if (this.phase() === "joining") this.setProblem(t("call.slow"));
    }, SLOW_JOIN_MS);
    this.unlisten = connection.listen((frame) => {
      if ("call" in frame && frame.call !== this.call) return;
      if (!this.onRosterEnd(frame)) this.onFrame(frame);
    });
  }

  abstract setMic(on: boolean): void;
  abstract setCamera(on: boolean): Promise<void>;
  abstract setSharing(on: boolean): Promise<void>;
  abstract devices(): Promise<DeviceChoice[]>;
  abstract useDevice(kind: DeviceKind, deviceId: string): Promise<void>;
  /** Frames this provider handles itself (signalling, roster changes). */
  protected abstract onFrame(frame: ServerFrame): void;
  /** Stops media and releases devices. */
  protected abstract release(): void;

  leave(): void {
    this.connection.send({ type: "rtc/leave", call: this.call });
    this.finish("left");
  }

  /** The media connection is up. */
  protected joined(): void {
    clearTimeout(this.slowTimer);
    if (this.problem() === t("call.slow")) this.setProblem(undefined);
    this.setPhase("joined");
  }

  protected finish(phase: CallPhase): void {
    if (this.phase() !== "joining" && this.phase() !== "joined") return;
    clearTimeout(this.slowTimer);
    this.unlisten();
    this.release();
    this.setPhase(phase);
    this.setTiles([]);
  }

  private onRosterEnd(frame: ServerFrame): boolean {
    switch (frame.type) {
      case "rtc/removed":
        this.setProblem(t(frame.reason === "removed" ? "call.removed" : "call.replaced"));
        this.finish(frame.reason);
        return true;
      case "rtc/ended":
        this.finish("ended");
        return true;
      case "error":
        if (frame.field !== "call" || this.phase() !== "joining") return false;
        this.setProblem(frame.code === "limit_reached" ? t("call.full") : frame.message);
        this.finish("failed");
        return true;
      default:
        return false;
    }
  }
}
