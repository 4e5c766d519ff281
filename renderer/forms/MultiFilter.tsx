import { Dropdown, Field, makeStyles, Option } from '@fluentui/react-components';

const useStyles = makeStyles({
  dropdown: { minWidth: '150px', maxWidth: '220px' },
});

/** A filter of several values from a fixed vocabulary; none chosen shows `all`. */
export function MultiFilter<T extends string>({
  label,
  all,
  values,
  selected,
  labelOf,
  onChange,
}: {
  label: string;
  all: string;
  values: readonly T[];
  selected: readonly T[];
  labelOf: (value: T) => string;
  onChange: (selected: T[]) => void;
}) {
  const styles = useStyles();
  return (
    <Field label={label}>
      <Dropdown
        className={styles.dropdown}
        multiselect
        placeholder={all}
        value={selected.map(labelOf).join(', ')}
        selectedOptions={[...selected]}
        // The vocabulary's order, whatever the order of the clicks.
        onOptionSelect={(_, data) => onChange(values.filter((value) => data.selectedOptions.includes(value)))}
      >
        {values.map((value) => (
          <Option key={value} value={value}>
            {labelOf(value)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
