import { Input, makeStyles, tokens, type InputProps } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSuggestion } from '../../../shared/ipc';
import { useApi } from '../../api/api-context';

const DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  root: { position: 'relative', display: 'flex', flexDirection: 'column' },
  list: {
    position: 'absolute',
    top: '100%',
    left: 0,
    right: 0,
    zIndex: 10,
    margin: 0,
    padding: tokens.spacingVerticalXS,
    listStyle: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '240px',
    overflowY: 'auto',
  },
  option: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, cursor: 'pointer', borderRadius: tokens.borderRadiusSmall },
  active: { backgroundColor: tokens.colorNeutralBackground1Hover, outline: `2px solid ${tokens.colorStrokeFocus2}` },
  id: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, marginLeft: tokens.spacingHorizontalS },
});

export interface GroupPickerProps {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  /** A suggestion was picked: its display name and id. */
  onPick: (group: GroupSuggestion) => void;
  /** Enter without a suggestion chosen (e.g. add the typed name). */
  onEnter?: () => void;
  /** Whether to ask the directory for this text (the Access fields skip GUIDs). */
  searchable?: (text: string) => boolean;
  showIds?: boolean;
  className?: string;
  inputProps?: Omit<InputProps, 'value' | 'onChange' | 'onKeyDown' | 'id'>;
}

/** A text field offering security groups from the directory as the admin types; the typed text stays exactly as typed until a suggestion is picked. */
export function GroupPicker({ id, value, onChange, onPick, onEnter, searchable = () => true, showIds = false, className, inputProps }: GroupPickerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const styles = useStyles();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = value.trim() !== '' && searchable(value) ? value : '';

  // The directory is asked once typing rests; each answer is kept with the text it answers.
  const [asked, setAsked] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => {
      setAsked(query);
      setActive(-1);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const search = useQuery({
    queryKey: ['directory.searchGroups', asked],
    queryFn: () => api['directory.searchGroups']({ prefix: asked }),
    enabled: asked !== '',
    gcTime: 0,
  });

  // A list for an older text is never shown (or picked) for a newer one.
  const shown = open && query !== '' && asked === query ? (search.data?.groups ?? []) : [];
  const pick = (group: GroupSuggestion) => {
    onPick(group);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && shown.length > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % shown.length);
    } else if (event.key === 'ArrowUp' && shown.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? shown.length - 1 : i - 1));
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = active >= 0 ? shown[active] : undefined;
      if (chosen) pick(chosen);
      else onEnter?.();
    }
  };

  return (
    <div className={styles.root}>
      <Input
        {...inputProps}
        {...(id === undefined ? {} : { id })}
        className={className}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        {...(active >= 0 && shown[active] ? { 'aria-activedescendant': `${listId}-${active}` } : {})}
        autoComplete="off"
        spellCheck={false}
        onChange={(_, data) => {
          onChange(data.value);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('directory.suggestions')} className={styles.list} hidden={shown.length === 0}>
        {shown.map((group, index) => (
          <li
            key={group.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? `${styles.option} ${styles.active}` : styles.option}
            // mousedown, not click: the field's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(group);
            }}
          >
            {group.displayName}
            {showIds && <span className={styles.id}>{group.id}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
