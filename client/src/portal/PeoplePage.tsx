import DirectoryPage from "../features/directory/DirectoryPage";
import { usePortal } from "./context";

/** The directory inside the portal: find people, invite them to a 1:1, see contacts. */
export default function PeoplePage() {
  const portal = usePortal();
  return (
    <div data-portal-page="people">
      <DirectoryPage hub={portal.hub} />
    </div>
  );
}
