import { Route, Router } from "@solidjs/router";
import { createEffect, lazy } from "solid-js";
import { language } from "./i18n";
import { pageMeta } from "./lib/api";
import { Landing } from "./pages/Landing";
import { LinkProblem } from "./pages/LinkProblem";
import { NotFound } from "./pages/NotFound";
import { PortalShell } from "./portal/PortalShell";
import { ProgrammePage } from "./portal/ProgrammePage";

// Loaded on demand: people arriving by personal link never download the registration form, and
// the session page (interactions, moderator tools), the tech check and the directory come when
// first opened.
const Register = lazy(() => import("./pages/register/Register"));
const SessionPage = lazy(() => import("./portal/SessionPage"));
const TechCheckPage = lazy(() => import("./portal/TechCheckPage"));
const PeoplePage = lazy(() => import("./portal/PeoplePage"));

export function App() {
  createEffect(() => {
    document.documentElement.lang = language();
  });
  // The worker answered 404 for this address: whatever the router would make of it (it ignores
  // case, so `/PORTAL/…` would match the portal), it is the not-found page.
  if (pageMeta("page-status") === "not-found") {
    return (
      <Router>
        <Route path="*" component={NotFound} />
      </Router>
    );
  }
  return (
    <Router>
      <Route path="/" component={Landing} />
      <Route path="/portal" component={PortalShell}>
        <Route path="/" component={ProgrammePage} />
        <Route path="/session/:id" component={SessionPage} />
        <Route path="/tech-check" component={TechCheckPage} />
        <Route path="/people" component={PeoplePage} />
        <Route path="*" component={NotFound} />
      </Route>
      <Route path="/e/:slug" component={Register} />
      <Route path="/j/:token" component={LinkProblem} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
