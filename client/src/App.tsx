import { Route, Router } from "@solidjs/router";
import { createEffect } from "solid-js";
import { language } from "./i18n";
import { Landing } from "./pages/Landing";
import { LinkProblem } from "./pages/LinkProblem";
import { NotFound } from "./pages/NotFound";
import { Portal } from "./pages/Portal";

export function App() {
  createEffect(() => {
    document.documentElement.lang = language();
  });
  return (
    <Router>
      <Route path="/" component={Landing} />
      <Route path="/portal/*" component={Portal} />
      <Route path="/j/:token" component={LinkProblem} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
