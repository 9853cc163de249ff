import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What is inside, for the message: "The calculators panel". */
  readonly what: string;
  /** A class for the fallback, so that it fills the place of what failed. */
  readonly className?: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Keeps the rest of the app usable when one part (the canvas, the inspector, the calculators
 * panel) throws while rendering: that part says what failed and offers "Try again" (render it
 * anew). The document lives in the editor's stores, outside React, so nothing of it is lost.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.what} failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div
        className={`error-boundary${this.props.className ? ` ${this.props.className}` : ''}`}
        role="alert"
        data-testid="error-boundary"
      >
        <strong>{this.props.what} failed</strong>
        <p>
          {error.message || error.name}. Your layout is kept: everything else still works, and undo,
          save and export still have it.
        </p>
        <button
          type="button"
          className="secondary-button"
          data-testid="error-boundary-retry"
          onClick={() => this.setState({ error: null })}
        >
          Try again
        </button>
      </div>
    );
  }
}
