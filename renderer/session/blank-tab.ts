/** A browser tab opened for a page whose address is only known after a call to main. */
export interface BlankTab {
  /** Points the tab at the page; false when there is no tab (the browser blocked it, or it was closed). */
  go: (url: string) => boolean;
  close: () => void;
}

/**
 * Opens an empty tab now, inside the click handler: a tab opened after an await no longer counts
 * as the user's own click, and popup blockers stop it.
 */
export function openBlankTab(): BlankTab {
  const tab = window.open('', '_blank');
  // The Microsoft page loaded into it must not be able to reach back to (or navigate) the console's tab.
  if (tab) tab.opener = null;
  return {
    go: (url) => {
      if (!tab || tab.closed) return false;
      tab.location.href = url;
      return true;
    },
    close: () => {
      if (tab && !tab.closed) tab.close();
    },
  };
}
