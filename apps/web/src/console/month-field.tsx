import { t } from './strings';

export function currentMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

/** YYYY-MM as typed (a text field: `type=month` is missing or odd in some browsers). */
export function MonthField(props: { value: string; onChange: (month: string) => void }) {
  return (
    <label>
      {t.month}
      <input
        name="month"
        value={props.value}
        inputMode="numeric"
        pattern="\d{4}-\d{2}"
        placeholder="YYYY-MM"
        onInput={(event) => {
          const value = event.currentTarget.value.trim();
          if (/^\d{4}-\d{2}$/.test(value)) props.onChange(value);
        }}
      />
    </label>
  );
}
