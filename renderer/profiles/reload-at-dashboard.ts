import { DEFAULT_PATH } from '../app/modules';
import { hrefFor } from '../app/use-hash-route';

/** Starts the console afresh on the dashboard, so no screen keeps another tenant's data in memory. */
export function reloadAtDashboard(): void {
  const url = new URL(window.location.href);
  url.hash = hrefFor(DEFAULT_PATH);
  // A change of the hash alone does not load the page again; the reload does.
  window.location.replace(url.href);
  window.location.reload();
}
