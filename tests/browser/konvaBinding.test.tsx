import Konva from 'konva';
import { createRef, StrictMode, useLayoutEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushSync } from 'react-dom';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import { Layer, Line, Shape, Stage } from '../../src/canvas/konva';
import { DRAWN_COLLECTIONS } from '../../src/canvas/nodes/renderers';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';
import { createFiberTrench, createHall, type Layout } from '../../src/domain';
import { emptyLayout } from '../../src/state/documentStore';
import { smallLayout } from './fixtures';
import { tileCacheOf } from '../../src/canvas/cullContext';

/**
 * The React binding for Konva (src/canvas/konvaBinding.tsx): nodes exist when the parent's layout
 * effects run, props become attributes (and go away with the prop), the Konva children keep React's
 * order through later mounts, undo and keyed moves, and an unmount destroys the stage.
 */

let host: HTMLDivElement;

beforeEach(async () => {
  await page.viewport(1280, 800);
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; inset: 0; width: 1280px; height: 800px;';
  document.body.appendChild(host);
});

afterEach(() => {
  host.remove();
});

const frames = (n = 3) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

const noop = () => {};
const childIds = (c: Konva.Container) => c.getChildren().map((n) => n.id());

describe('the Konva binding', () => {
  it('makes the nodes before the parent layout effects run, with their props as attributes', async () => {
    const stageRef = createRef<Konva.Stage>();
    const shapeRef = createRef<Konva.Shape>();
    let seen: string[] | null = null;
    function Probe() {
      return (
        <Stage ref={stageRef} width={300} height={200}>
          <Layer name="base" listening={false}>
            <Shape ref={shapeRef} id="s1" x={5} sceneFunc={noop} />
            <Line id="l1" points={[0, 0, 10, 10]} closed fill="#f00" />
          </Layer>
        </Stage>
      );
    }
    function Parent() {
      // A layout effect of the parent sees the stage, its layer and the layer's children.
      useLayoutEffect(() => {
        const stage = stageRef.current!;
        seen = [
          String(stage.width()),
          stage.findOne<Konva.Layer>('.base')!.getChildren().length.toString(),
          String(shapeRef.current?.x()),
        ];
      }, []);
      return <Probe />;
    }
    const screen = await render(<Parent />, { container: host });
    expect(seen).toEqual(['300', '2', '5']);
    const stage = stageRef.current!;
    expect(Konva.stages).toContain(stage);
    // The stage's canvases are in the component's element.
    expect(host.querySelectorAll('canvas')).toHaveLength(1);
    expect(stage.container().contains(stage.content)).toBe(true);
    expect(host.contains(stage.content)).toBe(true);
    expect((stage.findOne('#l1') as Konva.Line).closed()).toBe(true);
    await screen.unmount();
    expect(Konva.stages).not.toContain(stage);
    expect(host.querySelector('canvas')).toBeNull();
  });

  it('sets changed props, resets removed ones, and keeps React order through mounts and moves', async () => {
    const stageRef = createRef<Konva.Stage>();
    let set: (s: { ids: string[]; fill?: string; front: boolean }) => void = () => {};
    function Scene() {
      const [s, setS] = useState<{ ids: string[]; fill?: string; front: boolean }>({
        ids: ['a', 'b', 'c'],
        fill: '#00f',
        front: false,
      });
      set = setS;
      return (
        <Stage ref={stageRef} width={200} height={200}>
          {s.front ? null : <Layer name="under" />}
          <Layer name="main">
            {s.ids.map((id) => (
              <Shape key={id} id={id} sceneFunc={noop} {...(s.fill ? { fill: s.fill } : {})} />
            ))}
          </Layer>
          {s.front ? <Layer name="under" /> : null}
        </Stage>
      );
    }
    const screen = await render(<Scene />, { container: host });
    const stage = stageRef.current!;
    const main = () => stage.findOne<Konva.Layer>('.main')!;
    expect(childIds(main())).toEqual(['a', 'b', 'c']);
    expect((main().findOne('#b') as Konva.Shape).fill()).toBe('#00f');

    // A node mounted between existing ones goes between them; one at the front goes first.
    // (In the commit itself: flushSync returns after the layout effects.)
    flushSync(() => set({ ids: ['x', 'a', 'm', 'b', 'c'], fill: '#00f', front: false }));
    expect(childIds(main())).toEqual(['x', 'a', 'm', 'b', 'c']);
    // A keyed move (same nodes, new order), and a prop that goes away.
    const b = main().findOne('#b');
    flushSync(() => set({ ids: ['b', 'c', 'x', 'a', 'm'], front: false }));
    await frames(1);
    expect(childIds(main())).toEqual(['b', 'c', 'x', 'a', 'm']);
    expect(main().findOne('#b')).toBe(b);
    expect((main().findOne('#b') as Konva.Shape).fill()).toBeUndefined();
    // Layers too, with their canvases.
    flushSync(() => set({ ids: ['b'], front: true }));
    await frames(1);
    expect(stage.getChildren().map((l) => l.name())).toEqual(['main', 'under']);
    expect([...stage.content.querySelectorAll('canvas')]).toEqual(
      stage.getChildren().map((l) => l.getNativeCanvasElement()),
    );
    await screen.unmount();
  });

  it('mounts many shapes before existing ones in order, each child numbered by its place', async () => {
    const stageRef = createRef<Konva.Stage>();
    let set: (ids: string[]) => void = () => {};
    const tail = ['t1', 't2', 't3'];
    function Scene() {
      const [ids, setIds] = useState<string[]>(['a', 'b']);
      set = setIds;
      return (
        <Stage ref={stageRef} width={200} height={200}>
          <Layer name="main">
            {[...ids, ...tail].map((id) => (
              <Shape key={id} id={id} sceneFunc={noop} />
            ))}
          </Layer>
        </Stage>
      );
    }
    const screen = await render(<Scene />, { container: host });
    const main = () => stageRef.current!.findOne<Konva.Layer>('.main')!;
    const many = Array.from({ length: 500 }, (_, i) => `n${i}`);
    // 500 new shapes between the first two and the tail (a large campus opened over a small one).
    flushSync(() => set(['a', ...many, 'b']));
    expect(childIds(main())).toEqual(['a', ...many, 'b', ...tail]);
    expect(
      main()
        .getChildren()
        .map((n) => n.index),
    ).toEqual(
      main()
        .getChildren()
        .map((_, i) => i),
    );
    expect(main().findOne('#n7')!.zIndex()).toBe(8);
    await screen.unmount();
  });
});

describe('the campus canvas draws its elements in document order', () => {
  let editor: Editor;
  beforeEach(() => {
    editor = createEditor({ tools: ALL_TOOLS });
    editor.load(emptyLayout());
  });

  const content = () => Konva.stages.at(-1)!.findOne<Konva.Layer>('.content')!;
  /** The element ids in drawing order: collection by collection (renderers.ts), each in document order. */
  const expected = (doc: Layout) =>
    DRAWN_COLLECTIONS.flatMap((c) => (doc[c] as readonly { id: string }[]).map((e) => e.id));
  const doc = () => editor.document.getState().doc;

  it('after drawing a hall over trenches, undoing a delete, and bringing a hall to the front', async () => {
    const screen = await render(<App editor={editor} initialLayout={smallLayout()} />, {
      container: host,
    });
    await frames();
    expect(childIds(content())).toEqual(expected(doc()));
    expect(
      Konva.stages
        .at(-1)!
        .getChildren()
        .map((l) => l.name()),
    ).toEqual(['background', 'content', 'ui']);
    expect(
      Konva.stages
        .at(-1)!
        .findOne<Konva.Layer>('.background')!
        .getChildren()
        .map((n) => n.name()),
    ).toEqual(['parcel', 'grid', 'parcel-outline']);

    // A hall drawn after the trenches exist is drawn under them (halls come before trenches).
    const store = editor.document.getState();
    const apply: typeof store.apply = (recipe, label) => store.apply(recipe, label);
    const undo = () => store.undo();
    apply((d) => {
      d.halls.push(
        createHall('hall-new', { x: 320, y: 60 }, { name: 'New', width: 40, depth: 30 }),
      );
      d.fiberTrenches.push(
        createFiberTrench('trench-new', [
          [300, 20],
          [350, 100],
        ]),
      );
    }, 'Add');
    await frames(1);
    const ids = childIds(content());
    expect(ids).toEqual(expected(doc()));
    expect(ids.indexOf('hall-new')).toBeLessThan(ids.indexOf('trench-new'));
    expect(ids.indexOf('hall-new')).toBeLessThan(ids.indexOf(doc().fiberTrenches[0]!.id));

    // Delete the first hall, then undo: it comes back first among the halls, not on top.
    apply((d) => void d.halls.splice(0, 1), 'Delete');
    await frames(1);
    expect(childIds(content())).toEqual(expected(doc()));
    undo();
    await frames(1);
    expect(doc().halls[0]!.id).toBe('hall-a');
    expect(childIds(content())).toEqual(expected(doc()));

    // Bring the first hall to the front: the same node moves after the other halls.
    const node = content().findOne('#hall-a');
    apply((d) => void d.halls.push(d.halls.splice(0, 1)[0]!), 'Front');
    await frames(1);
    expect(doc().halls.at(-1)!.id).toBe('hall-a');
    expect(childIds(content())).toEqual(expected(doc()));
    expect(content().findOne('#hall-a')).toBe(node);
    await screen.unmount();
  });

  it('in StrictMode too (effects run twice): one live stage, with its layers, tiles and elements', async () => {
    const before = Konva.stages.length;
    const screen = await render(
      <StrictMode>
        <App editor={editor} initialLayout={smallLayout()} />
      </StrictMode>,
      { container: host },
    );
    await frames();
    expect(Konva.stages.length).toBe(before + 1);
    const stage = Konva.stages.at(-1)!;
    expect(host.contains(stage.content)).toBe(true);
    expect(stage.content.querySelectorAll('canvas')).toHaveLength(3);
    expect(tileCacheOf(stage)).toBeDefined();
    // The tiles are built once the view settles, a frame or several after the first render.
    await expect.poll(() => tileCacheOf(stage)!.stats().tiles).toBeGreaterThan(0);
    expect(childIds(content())).toEqual(expected(doc()));
    await screen.unmount();
    expect(Konva.stages.length).toBe(before);
  });
});
