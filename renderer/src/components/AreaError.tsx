import type { UiError } from '../api/client';

/** A failure shown where it happened, with the backend's own message. */
export function AreaError({ title, error, onRetry }: { title: string; error: UiError; onRetry?: () => void }) {
  return (
    <div className="area-error" role="alert">
      <p className="area-error-title">{title}</p>
      <p className="area-error-message">{error.message}</p>
      {error.details.length > 0 && (
        <ul className="area-error-details">
          {error.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
