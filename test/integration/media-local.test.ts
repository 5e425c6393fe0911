import { describe, expect, it } from "vitest";
import type { CallJoinResponse, StagePlaybackResponse } from "../../core/contract/media";
import type { ProgrammeResponse } from "../../core/contract/index";
import { PROTOCOL_VERSION } from "../../core/protocol";
import { call, openSocket, ORIGIN, seedDemo, signIn, type DemoPerson, type TestSocket } from "./helpers";

/** Local media: the looped sample stage, and peer-to-peer calls signalled through the session object. */
async function people() {
  const { people } = await seedDemo();
  const by = (prefix: string) => people.find((p) => p.name.startsWith(prefix))!;
  const staffCookie = await signIn(by("Mia").link);
  const all = (await (
    await call("/api/me/programme", { headers: { Cookie: staffCookie } })
  ).json()) as ProgrammeResponse;
  const session = (match: string) => all.sessions.find((s) => s.title.includes(match))!.id;
  return { by, stage: session("Main stage"), critique: session("design critique"), vipBreakout: session("edge") };
}

async function join(person: DemoPerson, sessionId: string): Promise<{ socket: TestSocket; cookie: string }> {
  const cookie = await signIn(person.link);
  const socket = await openSocket(sessionId, cookie);
  socket.send({ type: "hello", v: PROTOCOL_VERSION });
  await socket.next("welcome");
  return { socket, cookie };
}

const joinCall = (sessionId: string, cookie: string, body: unknown = {}, origin = ORIGIN) =>
  call(`/api/sessions/${sessionId}/call/join`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: origin },
    body: JSON.stringify(body),
  });

describe("local stage", () => {
  it("plays the bundled sample as a live stream, to anyone in the stage's audience", async () => {
    const { by, stage } = await people();
    const cookie = await signIn(by("Bram").link);
    const res = await call(`/api/sessions/${stage}/stage`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect((await res.json()) as StagePlaybackResponse).toEqual({
      source: "hls",
      playbackUrl: "/api/media/sample/master.m3u8",
      status: "live",
    });

    const text = async (res: Response) => new TextDecoder().decode(await res.arrayBuffer());
    const master = await text(await call("/api/media/sample/master.m3u8"));
    expect(master.match(/#EXT-X-STREAM-INF/g)).toHaveLength(2);
    const media = await call("/api/media/sample/160p.m3u8");
    expect(media.headers.get("Content-Type")).toBe("application/vnd.apple.mpegurl");
    const live = await text(media);
    expect(live).not.toContain("#EXT-X-ENDLIST");
    expect(live).toMatch(/\/media\/sample\/160p_0\d\.m2ts$/m);
    expect((await call("/api/media/sample/999p.m3u8")).status).toBe(404);
  });

  it("tells producers the stage plays the sample locally and refuses everyone else", async () => {
    const { by, stage } = await people();
    const producer = await (
      await call(`/api/sessions/${stage}/stage/ingest`, { headers: { Cookie: await signIn(by("Pim").link) } })
    ).json();
    expect(producer).toEqual({ provider: "local", playbackUrl: "/api/media/sample/master.m3u8" });
    const participant = await call(`/api/sessions/${stage}/stage/ingest`, {
      headers: { Cookie: await signIn(by("Ada").link) },
    });
    expect(participant.status).toBe(403);
  });

  it("answers stage/subscribe with the stage status, and only on a stage", async () => {
    const { by, stage, critique } = await people();
    const { socket } = await join(by("Ada"), stage);
    socket.send({ type: "stage/subscribe" });
    expect(await socket.next("stage/status")).toMatchObject({ status: "live" });
    socket.close();
    const other = await join(by("Ada"), critique);
    other.socket.send({ type: "stage/subscribe" });
    expect(await other.socket.next("error")).toMatchObject({ code: "not_found" });
    other.socket.close();
  });
});

describe("local calls", () => {
  it("hands out mesh settings only to people allowed in the call", async () => {
    const { by, stage, critique, vipBreakout } = await people();
    const ada = await signIn(by("Ada").link);
    const ok = await joinCall(critique, ada);
    expect(ok.status).toBe(200);
    expect((await ok.json()) as CallJoinResponse).toEqual({
      provider: "mesh",
      call: "main",
      maxPeers: 3,
      iceServers: [],
    });

    expect((await joinCall(critique, ada, {}, "https://evil.example")).status).toBe(403);
    expect(
      (await call(`/api/sessions/${critique}/call/join`, { method: "POST", headers: { Origin: ORIGIN } })).status,
    ).toBe(401);
    const bram = await signIn(by("Bram").link);
    const outsider = await joinCall(vipBreakout, bram);
    expect(outsider.status).toBe(403);
    const onStage = await joinCall(stage, ada);
    expect(onStage.status).toBe(409);
    expect(((await onStage.json()) as { error: { message: string } }).error.message).toMatch(/stage has no call/);
    const carouselPair = await joinCall(critique, ada, { call: "not a call id!" });
    expect(carouselPair.status).toBe(422);
  });

  it("relays signalling only to its target, only within the call, and keeps nothing", async () => {
    const { by, critique } = await people();
    const a = await join(by("Ada"), critique);
    const b = await join(by("Chlo"), critique);
    const outsider = await join(by("Bram"), critique);

    a.socket.send({ type: "rtc/join", call: "main", media: { audio: true, video: true, screen: false } });
    const aJoined = await a.socket.next("rtc/joined");
    expect(aJoined).toMatchObject({ call: "main", provider: "mesh", maxPeers: 3, peers: [] });

    b.socket.send({ type: "rtc/join", call: "main" });
    const bJoined = await b.socket.next("rtc/joined");
    expect(bJoined.peers).toEqual([
      {
        peer: aJoined.you,
        registrationId: expect.any(String),
        name: "Ada Lovelace",
        role: "participant",
        media: { audio: true, video: true, screen: false },
      },
    ]);
    expect((await a.socket.next("rtc/peer-joined")).peer).toMatchObject({ peer: bJoined.you, name: "Chloé Martin" });

    const offer = { kind: "description", nonce: "n1", type: "offer", part: 0, parts: 1, sdp: "v=0\r\n" } as const;
    b.socket.send({ type: "rtc/signal", call: "main", to: aJoined.you, signal: offer });
    expect(await a.socket.next("rtc/signal")).toEqual({
      type: "rtc/signal",
      call: "main",
      from: bJoined.you,
      signal: offer,
    });

    const candidate = {
      kind: "candidate",
      candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ host",
      sdpMid: "0",
      sdpMLineIndex: 0,
      usernameFragment: null,
    } as const;
    a.socket.send({ type: "rtc/signal", call: "main", to: bJoined.you, signal: candidate });
    expect((await b.socket.next("rtc/signal")).signal).toEqual(candidate);

    // Someone in the session but not in the call can neither send to nor hear from it.
    outsider.socket.send({ type: "rtc/signal", call: "main", to: aJoined.you, signal: offer });
    expect(await outsider.socket.next("error")).toMatchObject({ code: "not_found", field: "to" });
    expect(outsider.socket.frames.filter((f) => f.type.startsWith("rtc/"))).toEqual([]);

    // Oversized SDP is refused at the door; it must be sent in parts.
    a.socket.send({ type: "rtc/signal", call: "main", to: bJoined.you, signal: { ...offer, sdp: "x".repeat(6001) } });
    expect(await a.socket.next("error")).toMatchObject({ code: "bad_frame" });

    b.socket.close();
    expect(await a.socket.next("rtc/peer-left")).toMatchObject({ peer: bJoined.you, reason: "disconnected" });
    a.socket.close();
    outsider.socket.close();
  });

  it("caps the mesh with a clear message, on the endpoint and on the socket", async () => {
    const { by, critique } = await people();
    const inCall = await Promise.all(["Ada", "Chlo", "Bram"].map((n) => join(by(n), critique)));
    for (const p of inCall) {
      p.socket.send({ type: "rtc/join", call: "main" });
      await p.socket.next("rtc/joined");
    }
    const mia = await join(by("Mia"), critique);
    const refused = await joinCall(critique, mia.cookie);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/full.*at most 3 people/);
    mia.socket.send({ type: "rtc/join", call: "main" });
    expect(await mia.socket.next("error")).toMatchObject({
      code: "limit_reached",
      message: expect.stringMatching(/at most 3/),
    });

    // The same person joining from a second tab replaces the first instead of taking a place.
    const adaAgain = await join(by("Ada"), critique);
    adaAgain.socket.send({ type: "rtc/join", call: "main" });
    await adaAgain.socket.next("rtc/joined");
    expect(await inCall[0]!.socket.next("rtc/removed")).toMatchObject({ reason: "replaced" });
    for (const p of [...inCall, mia, adaAgain]) p.socket.close();
  });

  it("lets a moderator remove someone, who cannot come back until the call ends", async () => {
    const { by, critique } = await people();
    const mia = await join(by("Mia"), critique);
    const ada = await join(by("Ada"), critique);
    const chloe = await join(by("Chlo"), critique);
    for (const p of [mia, ada, chloe]) {
      p.socket.send({ type: "rtc/join", call: "main" });
      await p.socket.next("rtc/joined");
    }
    chloe.socket.send({ type: "rtc/remove", call: "main", registrationId: "reg_x" });
    expect(await chloe.socket.next("error")).toMatchObject({ code: "not_allowed" });

    const me = (await (await call("/api/me", { headers: { Cookie: ada.cookie } })).json()) as {
      registration: { id: string };
    };
    mia.socket.send({ type: "rtc/remove", call: "main", registrationId: me.registration.id });
    expect(await ada.socket.next("rtc/removed")).toMatchObject({ reason: "removed" });
    expect(await chloe.socket.next("rtc/peer-left")).toMatchObject({ reason: "removed" });

    ada.socket.send({ type: "rtc/join", call: "main" });
    expect(await ada.socket.next("error")).toMatchObject({
      code: "not_allowed",
      message: expect.stringMatching(/removed you/),
    });
    expect((await joinCall(critique, ada.cookie)).status).toBe(403);

    mia.socket.send({ type: "rtc/end", call: "main" });
    expect(await chloe.socket.next("rtc/ended")).toMatchObject({ call: "main" });
    expect((await joinCall(critique, ada.cookie)).status).toBe(200);
    for (const p of [mia, ada, chloe]) p.socket.close();
  });
});
