import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The layout the signed-out pages share (sign-in, consent): a readable column under a focused heading. */
export const useSessionPageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  heading: { ...typographyStyles.title2, margin: 0, outline: 'none' },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** Puts the page's title in the tab and focus on its heading, for keyboard and screen-reader users. */
export function usePageHeading(title: string) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.title')}`;
    heading.current?.focus();
  }, [title, t]);
  return heading;
}
