import { render } from "solid-js/web";
import { OutputApp } from "./OutputApp";
import "./output.css";

// `?bg=transparent` lets OBS or vMix key the page over video.
if (new URLSearchParams(location.search).get("bg") === "transparent") document.documentElement.classList.add("transparent");

render(() => <OutputApp />, document.getElementById("root")!);
