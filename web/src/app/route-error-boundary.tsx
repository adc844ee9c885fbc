import { Component, type ReactNode } from 'react';
import { RouteErrorFallback } from './status-pages';

interface Props {
  /** Changing it (the pathname) clears the error, so navigating away recovers. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: string;
}

/** Catches a page's render error or a failed chunk download so the shell stays usable. */
export class RouteErrorBoundary extends Component<Props, State> {
  state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  render() {
    if (this.state.error) return <RouteErrorFallback error={this.state.error} />;
    return this.props.children;
  }
}
