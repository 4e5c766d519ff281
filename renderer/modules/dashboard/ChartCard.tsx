import { Caption1, Subtitle1 } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { useCardStyles } from '../../forms/card-styles';

/**
 * A chart in a titled region: the picture is one image named by its summary (screen readers get
 * the numbers in a sentence, not the SVG's shapes); the same numbers follow as text.
 */
export function ChartCard({
  title,
  summary,
  note,
  chart,
  children,
}: {
  title: string;
  summary: string;
  note?: string | undefined;
  chart: ReactNode;
  children?: ReactNode;
}) {
  const styles = useCardStyles();
  const titleId = useId();
  return (
    <section className={styles.card} aria-labelledby={titleId}>
      <Subtitle1 as="h2" id={titleId} className={styles.title}>
        {title}
      </Subtitle1>
      {note && <Caption1 className={styles.note}>{note}</Caption1>}
      <div role="img" aria-label={summary} className={styles.chart}>
        {/* The SVG's shapes and axis labels would be read one by one: the summary says it all. */}
        <div aria-hidden className={styles.fill}>
          {chart}
        </div>
      </div>
      {children}
    </section>
  );
}
