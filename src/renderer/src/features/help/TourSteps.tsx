import { Icon } from '../../components/Icon';
import { TOUR_STEPS } from './tour';

/** Read, highlight, look up, review: four cards side by side. */
export function TourSteps() {
  return (
    <ol className="tour-steps">
      {TOUR_STEPS.map((step) => (
        <li key={step.title} className="tour-step">
          <span className="tour-step-icon" aria-hidden="true">
            <Icon name={step.icon} size={24} />
          </span>
          <h3>{step.title}</h3>
          <p>{step.text}</p>
          <p className="tour-keys">
            {step.keys.map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}
