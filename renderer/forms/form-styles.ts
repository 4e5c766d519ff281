import { makeStyles, tokens } from '@fluentui/react-components';

/** The layout every settings form shares: a column of fields of a readable width, then the save bar. */
export const useFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  field: { maxWidth: '480px' },
  narrow: { maxWidth: '240px' },
});
