import { render } from "solid-js/web";
import { setLanguage } from "../i18n";
import { pageMeta } from "../lib/api";
import { outputLanguage } from "./language";
import { OutputApp } from "./OutputApp";
import "./output.css";

// Before the first paint, so a browser source never flashes another language; not remembered on
// the device, where it would change the producer's own portal.
const lang = outputLanguage(location.search, pageMeta("event-language"));
if (lang) setLanguage(lang, false);

// `?bg=transparent` lets OBS or vMix key the page over video.
if (new URLSearchParams(location.search).get("bg") === "transparent")
  document.documentElement.classList.add("transparent");

render(() => <OutputApp />, document.getElementById("root")!);
