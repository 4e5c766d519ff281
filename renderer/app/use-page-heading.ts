import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A page's heading: the window is titled after it, and it takes the focus on arrival (for
 * keyboard and screen-reader users), unless a dialog opened with the page has taken it.
 */
export function usePageHeading(title: string) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.title')}`;
    if (!document.activeElement?.closest('[role="dialog"]')) heading.current?.focus();
  }, [title, t]);
  return heading;
}
