import type { ClientFrame } from "../../core/protocol";
import { onChat } from "../session/handlers/chat";
import { onClockPing } from "../session/handlers/clock";
import { onHello } from "../session/handlers/hello";
import { onInvite } from "../session/handlers/invite";
import { onCarousel } from "../session/handlers/carousel";
import { onRtcEnd, onRtcJoin, onRtcLeave, onRtcMedia, onRtcRemove, onRtcSignal } from "../session/handlers/rtc";
import { onStageSubscribe } from "../session/handlers/stage";
import { onNav } from "../session/handlers/nav";
import { onPoll } from "../session/handlers/poll";
import { onQa } from "../session/handlers/qa";
import { onQuiz } from "../session/handlers/quiz";
import { onReaction } from "../session/handlers/reaction";
import { onWordcloud } from "../session/handlers/wordcloud";
import { onHand } from "../session/handlers/hand";
import { onMatrix } from "../session/handlers/matrix";
import type { FrameContext } from "./context";

/**
 * One case per client frame type, grouped by feature; each feature's handler switches over its
 * own frames. The compiler refuses a frame type without a handler at either level.
 */
export function route(frame: ClientFrame, fc: FrameContext): void | Promise<void> {
  switch (frame.type) {
    case "hello":
      return onHello(frame, fc);
    case "clock/ping":
      return onClockPing(frame, fc);
    case "rtc/join":
      return onRtcJoin(frame, fc);
    case "rtc/leave":
      return onRtcLeave(frame, fc);
    case "rtc/signal":
      return onRtcSignal(frame, fc);
    case "rtc/media":
      return onRtcMedia(frame, fc);
    case "rtc/remove":
      return onRtcRemove(frame, fc);
    case "rtc/end":
      return onRtcEnd(frame, fc);
    case "stage/subscribe":
      return onStageSubscribe(frame, fc);
    case "chat/send":
    case "chat/delete":
    case "chat/mute":
    case "chat/configure":
      return onChat(frame, fc);
    case "qa/ask":
    case "qa/upvote":
    case "qa/moderate":
    case "qa/highlight":
    case "qa/configure":
      return onQa(frame, fc);
    case "poll/create":
    case "poll/open":
    case "poll/close":
    case "poll/visibility":
    case "poll/delete":
    case "poll/vote":
      return onPoll(frame, fc);
    case "quiz/create":
    case "quiz/start":
    case "quiz/lock":
    case "quiz/next":
    case "quiz/visibility":
    case "quiz/delete":
    case "quiz/answer":
      return onQuiz(frame, fc);
    case "wordcloud/create":
    case "wordcloud/open":
    case "wordcloud/close":
    case "wordcloud/visibility":
    case "wordcloud/delete":
    case "wordcloud/submit":
    case "wordcloud/block":
      return onWordcloud(frame, fc);
    case "reaction/send":
    case "reaction/configure":
      return onReaction(frame, fc);
    case "nav/send":
      return onNav(frame, fc);
    case "hand/raise":
    case "hand/lower":
    case "hand/moderate":
      return onHand(frame, fc);
    case "matrix/configure":
    case "matrix/page":
    case "matrix/remove":
    case "matrix/consent":
      return onMatrix(frame, fc);
    case "invite/send":
    case "invite/withdraw":
    case "invite/answer":
    case "invite/block":
    case "invite/hangup":
      return onInvite(frame, fc);
    case "carousel/subscribe":
    case "carousel/join":
    case "carousel/leave":
    case "carousel/extend":
    case "carousel/save-contact":
    case "carousel/start":
    case "carousel/stop":
    case "carousel/configure":
      return onCarousel(frame, fc);
    default:
      return frame satisfies never;
  }
}
