import { options } from 'preact';
import { createRef, memo, useState, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';

/**
 * The app is written against React 19's API and runs on Preact (preact/compat, aliased in
 * vite.config.ts and, the same list, in vitest.config.ts). These are the React 19 behaviours the
 * code relies on that a compat layer could miss: the tests here fail if the alias goes (the first
 * one) or if a Preact update drops one of them.
 */

const previousDiffed = options.diffed?.bind(options);
afterEach(() => {
  options.diffed = previousDiffed;
});

describe('React on Preact', () => {
  it('renders through Preact: react, react-dom and the JSX runtime are preact/compat', async () => {
    let diffed = 0;
    options.diffed = (vnode) => {
      diffed++;
      previousDiffed?.(vnode);
    };
    function Hello() {
      return <p data-testid="hello">hello</p>;
    }
    const screen = await render(<Hello />);
    await expect.element(screen.getByTestId('hello')).toHaveTextContent('hello');
    expect(diffed).toBeGreaterThan(0);
  });

  it('passes ref to a function component as a plain prop (React 19), through memo too', async () => {
    function Box({ ref, label }: { ref?: Ref<HTMLDivElement>; label: string }) {
      return <div ref={ref}>{label}</div>;
    }
    const Memoed = memo(Box);
    const plain = createRef<HTMLDivElement>();
    const memoed = createRef<HTMLDivElement>();
    await render(
      <>
        <Box ref={plain} label="plain" />
        <Memoed ref={memoed} label="memo" />
      </>,
    );
    expect(plain.current?.textContent).toBe('plain');
    expect(memoed.current?.textContent).toBe('memo');
  });

  it('commits a state update inside flushSync before it returns', async () => {
    let set: (n: number) => void = () => {};
    function Counter() {
      const [n, setN] = useState(0);
      set = setN;
      return <output data-testid="n">{n}</output>;
    }
    const screen = await render(<Counter />);
    const el = screen.getByTestId('n').element();
    flushSync(() => set(7));
    expect(el.textContent).toBe('7');
  });

  it('fires onChange on every keystroke in a text box, and onFocus bubbles as in React', async () => {
    const changes: string[] = [];
    const focused: string[] = [];
    const screen = await render(
      <div onFocus={(e) => focused.push((e.target as HTMLElement).tagName)}>
        <input data-testid="box" onChange={(e) => changes.push(e.currentTarget.value)} />
      </div>,
    );
    await userEvent.type(screen.getByTestId('box'), 'ab');
    expect(changes).toEqual(['a', 'ab']);
    expect(focused).toEqual(['INPUT']);
  });
});
