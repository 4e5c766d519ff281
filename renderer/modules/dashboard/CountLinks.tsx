import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../forms/format';
import { devicesHref } from '../devices/device-query';
import type { Segment } from './segments';

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0, padding: 0, listStyle: 'none' },
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '12px', height: '12px', borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
  count: { fontWeight: tokens.fontWeightSemibold },
});

/** Each segment as a link to the devices it counts ("Disconnected 12"): the charts' keyboard and screen-reader way in. */
export function CountLinks<K extends string>({
  label,
  segments,
  colors,
  labelOf,
}: {
  label: string;
  segments: readonly Segment<K>[];
  colors: Record<K, string>;
  labelOf: (key: K) => string;
}) {
  const { i18n } = useTranslation();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {segments.map((segment) => (
        <li key={segment.key}>
          <Link href={devicesHref(segment.filter)} className={styles.link}>
            <span className={styles.swatch} style={{ backgroundColor: colors[segment.key] }} aria-hidden />
            <span>{labelOf(segment.key)}</span> <span className={styles.count}>{formatCount(segment.count, i18n.language)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
