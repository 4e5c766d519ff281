import { Body1, Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from '../../shared/ipc/zod';
import { check, type FieldErrors } from './errors';
import { fieldState } from './field-state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  addRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  addField: { flex: 1, maxWidth: '480px' },
  addButton: { marginTop: '26px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  itemMain: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface ListEditorProps {
  /** The list's field in the contract, e.g. "enrollmentGroups"; its items are "enrollmentGroups.0"… */
  field: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  /** The list's rules (the contract's schema): an item is only added when the list stays valid. */
  schema: z.ZodType;
  errors: FieldErrors;
  inputLabel: string;
  inputHint: string;
  inputType?: 'text' | 'email';
  addLabel: string;
  listLabel: string;
  emptyText: string;
  /** What to show under an item (a directory check, say). */
  details?: (item: string, index: number) => ReactNode;
  /** A field of its own instead of the plain text input (a directory picker, say). */
  renderInput?: (field: { id: string; value: string; onChange: (value: string) => void; onEnter: () => void }) => ReactNode;
}

/** A list of strings the admin adds to (Enter or Add) and removes from, each item with its own message. */
export function ListEditor({
  field,
  items,
  onChange,
  schema,
  errors,
  inputLabel,
  inputHint,
  inputType = 'text',
  addLabel,
  listLabel,
  emptyText,
  details,
  renderInput,
}: ListEditorProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const inputId = useId();

  const add = () => {
    if (text === '') return;
    const next = [...items, text];
    const result = check(schema, next);
    if (!result.ok) {
      const message = result.failure.fields[String(items.length)] ?? result.failure.fields['request'];
      if (message !== undefined) {
        setAddError(message);
        return;
      }
    }
    onChange(next);
    setText('');
    setAddError(null);
  };

  const remove = (index: number) => {
    onChange(items.filter((_, i) => i !== index));
    // The removed item's button is gone; focus goes back to where the next one is typed.
    document.getElementById(inputId)?.focus();
  };

  const listMessage = addError ?? errors[field];
  return (
    <div className={styles.root}>
      <div className={styles.addRow}>
        <Field
          className={styles.addField}
          label={inputLabel}
          hint={inputHint}
          {...(listMessage === undefined ? {} : fieldState({ [field]: listMessage }, field))}
        >
          {renderInput ? (
            renderInput({
              id: inputId,
              value: text,
              onChange: (value) => {
                setText(value);
                setAddError(null);
              },
              onEnter: add,
            })
          ) : (
          <Input
            id={inputId}
            type={inputType}
            value={text}
            onChange={(_, data) => {
              setText(data.value);
              setAddError(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          )}
        </Field>
        <Button className={styles.addButton} icon={<AddRegular />} disabled={text === ''} onClick={add}>
          {addLabel}
        </Button>
      </div>
      {items.length === 0 ? (
        <Body1 className={styles.empty}>{emptyText}</Body1>
      ) : (
        <ul className={styles.list} aria-label={listLabel}>
          {items.map((item, index) => {
            const message = errors[`${field}.${index}`];
            return (
              <li key={`${index}:${item}`} className={styles.item}>
                <div className={styles.itemMain}>
                  <Text className={styles.name}>{item}</Text>
                  {message !== undefined && (
                    <Text role="alert" className={styles.error}>
                      {message}
                    </Text>
                  )}
                  {details?.(item, index)}
                </div>
                <Button appearance="subtle" icon={<DeleteRegular />} aria-label={t('common.remove', { name: item })} onClick={() => remove(index)} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
