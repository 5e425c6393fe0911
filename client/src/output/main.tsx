import { render } from "solid-js/web";
import { setLanguage } from "../i18n";
import type { BrandTheme } from "../../../core/contract/branding";
import { pageMeta } from "../lib/api";
import { applyTheme } from "../lib/branding";
import { outputLanguage } from "./language";
import { OutputApp } from "./OutputApp";
import "./output.css";

// Before the first paint, so a browser source never flashes another language; not remembered on
// the device, where it would change the producer's own portal.
const lang = outputLanguage(location.search, pageMeta("event-language"));
if (lang) setLanguage(lang, false);

// The event's colours: the output goes out on the broadcast beside the event's own design.
const theme = pageMeta("event-theme");
if (theme) applyTheme(JSON.parse(theme) as BrandTheme);

// `?bg=transparent` lets OBS or vMix key the page over video.
if (new URLSearchParams(location.search).get("bg") === "transparent")
  document.documentElement.classList.add("transparent");

render(() => <OutputApp />, document.getElementById("root")!);
