import { Route, Router } from "@solidjs/router";
import { createEffect, lazy } from "solid-js";
import { language } from "./i18n";
import { Landing } from "./pages/Landing";
import { LinkProblem } from "./pages/LinkProblem";
import { NotFound } from "./pages/NotFound";
import { Portal } from "./pages/Portal";

// Loaded on demand: people arriving by personal link never download the registration form.
const Register = lazy(() => import("./pages/register/Register"));

export function App() {
  createEffect(() => {
    document.documentElement.lang = language();
  });
  return (
    <Router>
      <Route path="/" component={Landing} />
      <Route path="/portal/*" component={Portal} />
      <Route path="/e/:slug" component={Register} />
      <Route path="/j/:token" component={LinkProblem} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
