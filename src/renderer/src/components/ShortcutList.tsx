import { SHORTCUTS } from '../lib/keys';

/** Every keyboard shortcut, grouped: in the `?` dialog and in the Help view. */
export function ShortcutList({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="shortcut-groups">
      {SHORTCUTS.map((group) => (
        <section key={group.title}>
          <Heading className="shortcut-group-title">{group.title}</Heading>
          <dl className="shortcut-list">
            {group.shortcuts.map((s) => (
              <div key={s.action} className="shortcut">
                <dt>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && <span className="or"> or </span>}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{s.action}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
