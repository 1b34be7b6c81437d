/** A labelled select of the filter bars (Notes, Search): "" is the "any" choice. */
export function FilterSelect<T extends string>({
  label,
  value,
  any,
  options,
  disabled,
  onChange,
}: {
  label: string;
  value: T | '';
  /** The label of the "" option; omitted when every choice is listed. */
  any?: string;
  options: { value: T; label: string }[];
  disabled?: boolean;
  onChange(value: T | ''): void;
}) {
  return (
    <label className="filter-field">
      <span className="filter-label">{label}</span>
      <span className="select-wrap">
        <select
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value as T | '')}
        >
          {any !== undefined && <option value="">{any}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
    </label>
  );
}
