import { useNavigate } from "@solidjs/router";
import { TechCheck } from "../features/tech-check/TechCheck";
import { usePortal } from "./context";

/** The tech check inside the portal: first visit, or run again from the navigation. */
export default function TechCheckPage() {
  const portal = usePortal();
  const navigate = useNavigate();
  return (
    <div data-portal-page="tech-check">
      <TechCheck
        onDone={async () => {
          // The saved result must be known before the portal decides where to land.
          await portal.refreshMe();
          navigate("/portal", { replace: true });
        }}
      />
    </div>
  );
}
