import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { isApiError } from '../ui/api';
import { errorMessage } from '../ui/error-message';

/** The phone shell's few building blocks: plain elements styled by phone.css (decision 0009). */

export function Card({ title, children, testId }: { title?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="pg-card" data-testid={testId}>
      {title ? <h2 className="pg-card-title">{title}</h2> : null}
      {children}
    </section>
  );
}

export function Field({ label, htmlFor, error, required, children }: { label: ReactNode; htmlFor?: string; error?: string; required?: boolean; children: ReactNode }) {
  return (
    <div className={`pg-field${error ? ' pg-field-error' : ''}`}>
      <label className="pg-label" htmlFor={htmlFor}>
        {required ? <span className="pg-required" aria-hidden="true">*</span> : null}
        {label}
      </label>
      {children}
      {error ? (
        <div className="pg-field-message" role="alert" id={htmlFor ? `${htmlFor}-error` : undefined}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { kind?: 'primary' | 'default' | 'small'; block?: boolean; loading?: boolean; testId?: string };

export function Button({ kind = 'default', block, loading, testId, className, children, disabled, type = 'button', ...rest }: ButtonProps) {
  const classes = ['pg-button', `pg-button-${kind}`, block ? 'pg-block' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button {...rest} type={type} className={classes} disabled={disabled || loading} aria-busy={loading || undefined} data-testid={testId}>
      {loading ? <span className="pg-spinner pg-spinner-small" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

export function Tag({ tone = 'default', children }: { tone?: 'default' | 'green' | 'gold' | 'red'; children: ReactNode }) {
  return <span className={`pg-tag pg-tag-${tone}`}>{children}</span>;
}

export function Notice({ tone, title, children, testId }: { tone: 'error' | 'warning' | 'info' | 'success'; title: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <div className={`pg-notice pg-notice-${tone}`} role={tone === 'error' ? 'alert' : undefined} data-testid={testId}>
      <div className="pg-notice-title">{title}</div>
      {children ? <div className="pg-notice-body">{children}</div> : null}
    </div>
  );
}

/** An inline error from the server's code (catalogue text), with the VALIDATION details listed field by field. */
export function ErrorNotice({ error, prefix }: { error: unknown; prefix?: string }) {
  const { t, has } = useI18n();
  if (!error) return null;
  const fieldErrors = isApiError(error) ? error.fieldErrors : [];
  return (
    <Notice tone="error" title={errorMessage(error, t, has, prefix)}>
      {fieldErrors.length > 0 ? (
        <ul className="pg-list-plain">
          {fieldErrors.map((field) => (
            <li key={`${field.path}:${field.message}`}>
              {field.path ? `${field.path}: ` : ''}
              {field.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

export function Stat({ title, value, suffix }: { title: ReactNode; value: ReactNode; suffix?: ReactNode }) {
  return (
    <div className="pg-stat">
      <div className="pg-stat-title">{title}</div>
      <div className="pg-stat-value">
        {value}
        {suffix ? <span className="pg-stat-suffix"> {suffix}</span> : null}
      </div>
    </div>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <div className="pg-center" role="status" aria-label={label}>
      <span className="pg-spinner" aria-hidden="true" />
    </div>
  );
}
