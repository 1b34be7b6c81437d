import type { ArticleSummary } from '../../../../shared/article';
import { COLORS, type Color } from '../../../../shared/highlights';
import { FilterSelect } from '../../components/FilterSelect';
import { Icon } from '../../components/Icon';
import { COLOR_LABEL } from './colors';
import { isFiltering, NO_FILTERS, type NoteFilters } from './filters';

interface Props {
  filters: NoteFilters;
  articles: ArticleSummary[];
  tags: string[];
  search: React.RefObject<HTMLInputElement | null>;
  /** The count line ("3 of 12 highlights"), shown with Clear filters and the sort order. */
  summary: React.ReactNode;
  onChange(patch: Partial<NoteFilters>): void;
}

const STATUS_OPTIONS: { value: NoteFilters['status']; label: string }[] = [
  { value: 'all', label: 'Any' },
  { value: 'anchored', label: 'In place' },
  { value: 'moved', label: 'Moved' },
  { value: 'uncertain', label: 'Needs confirming' },
  { value: 'orphaned', label: 'Orphaned' },
];

/** The Notes view's filters: words, article, colour, tag, note, status; and the sort order. */
export function FilterBar({ filters, articles, tags, search, summary, onChange }: Props) {
  const toggleColor = (color: Color) =>
    onChange({
      colors: filters.colors.includes(color)
        ? filters.colors.filter((c) => c !== color)
        : COLORS.filter((c) => c === color || filters.colors.includes(c)),
    });
  // A tag filter whose tag is gone (its last highlight was deleted) still shows, so it can be undone.
  const tagOptions = filters.tag && !tags.includes(filters.tag) ? [filters.tag, ...tags] : tags;

  return (
    <search className="note-filters" aria-label="Filter highlights">
      <div className="filter-row">
        <div className="filter-search">
          <Icon name="search" size={18} />
          <input
            ref={search}
            type="search"
            aria-label="Filter notes"
            placeholder="Filter by quote, note or tag"
            title="Filter notes (/)"
            value={filters.text}
            onChange={(e) => onChange({ text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && filters.text) {
                e.preventDefault();
                onChange({ text: '' });
              }
            }}
          />
        </div>
      </div>
      <div className="filter-row">
        <FilterSelect
          label="Article"
          value={filters.articleId}
          any="All articles"
          options={articles.map((a) => ({ value: a.id, label: a.title }))}
          onChange={(articleId) => onChange({ articleId })}
        />
        <FilterSelect
          label="Tag"
          value={filters.tag}
          any={tagOptions.length === 0 ? 'No tags yet' : 'Any tag'}
          options={tagOptions.map((t) => ({ value: t, label: t }))}
          disabled={tagOptions.length === 0}
          onChange={(tag) => onChange({ tag })}
        />
        <FilterSelect
          label="Status"
          value={filters.status}
          options={STATUS_OPTIONS}
          onChange={(status) => onChange({ status: status as NoteFilters['status'] })}
        />
        <div className="filter-field">
          <span className="filter-label" id="filter-colour-label">
            Colour
          </span>
          <div className="color-chips" role="group" aria-labelledby="filter-colour-label">
            {COLORS.map((c) => (
              <button
                key={c}
                type="button"
                className={`color-chip color-${c}`}
                aria-label={COLOR_LABEL[c]}
                aria-pressed={filters.colors.includes(c)}
                title={COLOR_LABEL[c]}
                onClick={() => toggleColor(c)}
              >
                <Icon name="check" size={14} />
              </button>
            ))}
          </div>
        </div>
        <label className="filter-check">
          <input
            type="checkbox"
            checked={filters.hasNote}
            onChange={(e) => onChange({ hasNote: e.target.checked })}
          />
          <span>Has a note</span>
        </label>
      </div>
      <div className="filter-summary">
        {summary}
        {isFiltering(filters) && (
          <button
            type="button"
            className="text-button filter-clear"
            onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}
          >
            <Icon name="close" size={14} />
            Clear filters
          </button>
        )}
        <label className="filter-sort">
          <span className="filter-sort-label">Sort</span>
          <span className="select-wrap">
            <select
              value={filters.sort}
              onChange={(e) => onChange({ sort: e.target.value as NoteFilters['sort'] })}
            >
              <option value="position">By position</option>
              <option value="date">Recently changed</option>
            </select>
          </span>
        </label>
      </div>
    </search>
  );
}
