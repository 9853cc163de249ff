import Konva from 'konva';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { App } from '../../src/app/App';
import { worldToScreen } from '../../src/editor/camera';
import {
  createHall,
  DEFAULT_SETTINGS,
  FORMAT_ID,
  FORMAT_VERSION,
  emptyPlant,
  RACK_PROFILES,
  type Layout,
} from '../../src/domain';
import { computeReport } from '../../src/domain/report';
import { DEFAULT_TOOL_OPTIONS } from '../../src/state/sessionStore';
import { createEditor, type Editor } from '../../src/editor/editor';
import { ALL_TOOLS } from '../../src/editor/tools';

let editor: Editor = createEditor({ tools: ALL_TOOLS });

/** A 400 × 260 m parcel with one empty 60 × 30 m hall at (100, 80). */
function workLayout(): Layout {
  return {
    format: FORMAT_ID,
    version: FORMAT_VERSION,
    ...emptyPlant(),
    name: 'Tools campus',
    settings: { ...DEFAULT_SETTINGS, targetTier: 'blackwell' },
    parcel: {
      points: [
        [0, 0],
        [400, 0],
        [400, 260],
        [0, 260],
      ],
    },
    halls: [createHall('hall-1', { x: 100, y: 80 }, { width: 60, depth: 30 })],
    rackRows: [],
    coolingZones: [],
    substations: [],
    fiberTrenches: [],
  };
}

let host: HTMLDivElement;

beforeEach(async () => {
  editor = createEditor({ tools: ALL_TOOLS });
  await page.viewport(1280, 800);
  host = document.createElement('div');
  host.style.cssText = 'position: fixed; inset: 0; width: 1280px; height: 800px;';
  document.body.appendChild(host);
  editor.session.setState({
    camera: { x: 0, y: 0, scale: 1 },
    pointer: null,
    units: 'metric',
    tool: 'select',
    selection: [],
    toolOptions: DEFAULT_TOOL_OPTIONS,
  });
});

afterEach(() => {
  host.remove();
});

const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

const doc = () => editor.document.getState().doc;

/** Render the app on the work layout, and a pointer that speaks campus metres. */
async function open(layout: Layout = workLayout()) {
  const screen = await render(<App editor={editor} initialLayout={layout} />, { container: host });
  await frames();
  const canvas = screen.getByTestId('campus-canvas').element() as HTMLElement;
  const at = (x: number, y: number, init: PointerEventInit = {}): PointerEventInit => {
    const rect = canvas.getBoundingClientRect();
    const s = worldToScreen(editor.session.getState().camera, { x, y });
    return {
      clientX: rect.left + s.x,
      clientY: rect.top + s.y,
      bubbles: true,
      pointerId: 1,
      button: 0,
      ...init,
    };
  };
  const send = (type: string, x: number, y: number, init?: PointerEventInit) =>
    canvas.dispatchEvent(new PointerEvent(type, at(x, y, init)));
  const pointer = {
    move: (x: number, y: number, init?: PointerEventInit) => send('pointermove', x, y, init),
    click: (x: number, y: number, init?: PointerEventInit) => {
      send('pointermove', x, y, init);
      send('pointerdown', x, y, init);
      send('pointerup', x, y, init);
    },
    drag: (ax: number, ay: number, bx: number, by: number) => {
      send('pointerdown', ax, ay);
      for (let i = 1; i <= 5; i++)
        send('pointermove', ax + ((bx - ax) * i) / 5, ay + ((by - ay) * i) / 5);
      send('pointerup', bx, by);
    },
    dblclick: (x: number, y: number) => {
      pointer.click(x, y);
      pointer.click(x, y);
      canvas.dispatchEvent(new MouseEvent('dblclick', at(x, y)));
    },
    down: (x: number, y: number) => send('pointerdown', x, y),
    up: (x: number, y: number) => send('pointerup', x, y),
  };
  const toolButton = (name: string) => screen.getByRole('button', { name: `${name} tool` });
  const pick = async (name: string) => {
    await toolButton(name).click();
    await expect.element(toolButton(name)).toHaveAttribute('aria-pressed', 'true');
  };
  return { screen, canvas, pointer, toolButton, pick };
}

describe('the toolbar', () => {
  it('has a button per tool with an accessible name, its shortcut in the tooltip, and aria-pressed', async () => {
    const { toolButton, screen } = await open();
    const tools = [
      ['Select', 'V'],
      ['Hall', 'H'],
      ['Rack row', 'R'],
      ['Cooling zone', 'C'],
      ['Substation', 'S'],
      ['Fiber trench', 'F'],
      ['Generator yard', 'G'],
      ['Battery yard', 'B'],
      ['Cooling plant', 'K'],
      ['Power feeder', 'E'],
      ['Parcel', 'P'],
    ];
    for (const [name, key] of tools) {
      await expect.element(toolButton(name!)).toHaveAttribute('title', `${name} (${key})`);
    }
    await expect.element(toolButton('Select')).toHaveAttribute('aria-pressed', 'true');
    await expect.element(toolButton('Hall')).toHaveAttribute('aria-pressed', 'false');
    await expect.element(screen.getByRole('toolbar', { name: 'Tools' })).toBeVisible();
  });

  it('the keyboard shortcuts run the same actions as the buttons', async () => {
    const { toolButton } = await open();
    await userEvent.keyboard('h');
    await expect.element(toolButton('Hall')).toHaveAttribute('aria-pressed', 'true');
    expect(editor.session.getState().tool).toBe('hall');
    await userEvent.keyboard('f');
    await expect.element(toolButton('Fiber trench')).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard('{Escape}');
    await expect.element(toolButton('Select')).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('creation tools on the canvas', () => {
  it('hall: a drag draws a ghost, then makes the hall (one undo step) and goes back to select', async () => {
    const { pointer, pick, toolButton, screen } = await open();
    await pick('Hall');
    pointer.down(200, 150);
    pointer.move(260, 180);
    pointer.move(300, 200);
    expect(editor.session.getState().overlay.rects).toHaveLength(1);
    expect(doc().halls).toHaveLength(1);
    await expect
      .element(screen.getByTestId('tool-measure'))
      .toHaveTextContent('Hall 100 × 50 m · 5,000 m²');
    pointer.up(300, 200);
    expect(doc().halls).toHaveLength(2);
    expect(doc().halls[1]).toMatchObject({ id: 'hall-2', x: 250, y: 175, width: 100, depth: 50 });
    expect(editor.session.getState().selection).toEqual(['hall-2']);
    await expect.element(toolButton('Select')).toHaveAttribute('aria-pressed', 'true');
    editor.document.getState().undo();
    expect(doc().halls).toHaveLength(1);
  });

  it('rack row: the options strip sets the row; a click in the hall adds it and the IT total follows', async () => {
    const { pointer, pick, screen } = await open();
    const itMw = screen.getByTestId('total-itMw');
    await expect.element(itMw).toHaveAttribute('data-value', '0');
    await pick('Rack row');
    const strip = screen.getByTestId('tool-options');
    await expect.element(strip).toBeVisible();
    await userEvent.selectOptions(screen.getByTestId('option-profile'), 'gb200-nvl72');
    const racks = screen.getByTestId('option-rackCount');
    await userEvent.clear(racks);
    await userEvent.type(racks, '10');
    const kw = screen.getByTestId('option-kwPerRack');
    await expect
      .element(kw)
      .toHaveAttribute('placeholder', String(RACK_PROFILES['gb200-nvl72'].kwPerRack.value));
    await userEvent.type(kw, '130');
    await expect.element(screen.getByTestId('option-rowMw')).toHaveTextContent('1.30 MW / row');
    expect(editor.session.getState().toolOptions).toMatchObject({
      profile: 'gb200-nvl72',
      rackCount: 10,
      kwPerRack: 130,
    });

    // The ghost follows the pointer over the hall.
    pointer.move(95, 75);
    expect(editor.session.getState().overlay.rects[0]).toMatchObject({ width: 6, depth: 1.2 });
    pointer.click(95, 75);
    expect(doc().rackRows).toEqual([
      expect.objectContaining({
        id: 'row-1',
        hallId: 'hall-1',
        // The hall's frame starts at its top-left corner, (70, 65).
        x: 25,
        y: 10,
        profile: 'gb200-nvl72',
        rackCount: 10,
        kwPerRack: 130,
      }),
    ]);
    const expected = computeReport(doc()).totals.itMw;
    expect(expected).toBeCloseTo(1.3, 9);
    await expect.element(itMw).toHaveAttribute('data-value', String(expected));
    // Back to select after one row; with the tool lock on (Q), the tool stays for the next row.
    expect(editor.session.getState().tool).toBe('select');
    await userEvent.keyboard('q');
    await pick('Rack row');
    pointer.click(95, 85);
    expect(editor.session.getState().tool).toBe('rackRow');
    expect(doc().rackRows).toHaveLength(2);
    await expect
      .element(itMw)
      .toHaveAttribute('data-value', String(computeReport(doc()).totals.itMw));
  });

  it('rack row: out-of-range options show a message and change nothing', async () => {
    const { pick, screen } = await open();
    await pick('Rack row');
    const racks = screen.getByTestId('option-rackCount');
    await userEvent.clear(racks);
    await userEvent.type(racks, '1001');
    await expect
      .element(screen.getByTestId('tool-options-error'))
      .toHaveTextContent('Rack count: a whole number from 1 to 1,000');
    await expect.element(racks).toHaveAttribute('aria-invalid', 'true');
    // "1", "10", "100" were valid on the way; "1001" was not.
    expect(editor.session.getState().toolOptions.rackCount).toBe(100);
    const kw = screen.getByTestId('option-kwPerRack');
    await userEvent.type(kw, '5000');
    expect(editor.session.getState().toolOptions.kwPerRack).toBe(500);
    await expect
      .element(screen.getByTestId('tool-options-error'))
      .toHaveTextContent('kW per rack: from 0.1 to 2,000 kW');
  });

  it('rack row: a click outside every hall says where rows go', async () => {
    const { pointer, pick, screen } = await open();
    await pick('Rack row');
    pointer.click(300, 200);
    await expect
      .element(screen.getByTestId('toast'))
      .toHaveTextContent('Rack rows go inside a hall: click in a hall');
    expect(doc().rackRows).toHaveLength(0);
  });

  it('cooling zone: a drag makes a zone of the chosen type and capacity', async () => {
    const { pointer, pick, screen } = await open();
    await pick('Cooling zone');
    await userEvent.selectOptions(screen.getByTestId('option-coolingType'), 'immersion');
    const cap = screen.getByTestId('option-zoneCapacityMw');
    await userEvent.clear(cap);
    await userEvent.type(cap, '12.5');
    pointer.drag(200, 150, 260, 190);
    expect(doc().coolingZones).toEqual([
      expect.objectContaining({
        id: 'cz-1',
        x: 230,
        y: 170,
        width: 60,
        depth: 40,
        type: 'immersion',
        capacityMw: 12.5,
      }),
    ]);
  });

  it('substation: a click places a yard and the usable MW follows', async () => {
    const { pointer, pick, screen } = await open();
    const usable = screen.getByTestId('total-usableMw');
    await expect.element(usable).toHaveAttribute('data-value', '0');
    await pick('Substation');
    pointer.click(320, 200);
    expect(doc().substations).toEqual([expect.objectContaining({ id: 'sub-1', x: 320, y: 200 })]);
    await expect
      .element(usable)
      .toHaveAttribute('data-value', String(computeReport(doc()).totals.usableMw));
    // One yard, then back to select (the tool lock is off).
    expect(editor.session.getState().tool).toBe('select');
  });

  it('fiber trench: clicks, a rubber band, Backspace, then Enter; a double-click ends the next', async () => {
    const { pointer, pick, screen } = await open();
    await pick('Fiber trench');
    const fibers = screen.getByTestId('option-fiberCount');
    await userEvent.clear(fibers);
    await userEvent.type(fibers, '6912');
    // Give the keyboard back to the page (Enter in the field belongs to the field).
    await userEvent.click(screen.getByRole('button', { name: 'Fiber trench tool' }));
    pointer.click(200, 180);
    pointer.click(300, 180);
    pointer.click(300, 240);
    pointer.move(340, 240);
    expect(editor.session.getState().overlay.polylines[0]).toHaveLength(4);
    await userEvent.keyboard('{Backspace}');
    await userEvent.keyboard('{Enter}');
    expect(doc().fiberTrenches).toEqual([
      expect.objectContaining({
        id: 'tr-1',
        points: [
          [200, 180],
          [300, 180],
        ],
        fiberCount: 6912,
      }),
    ]);
    await expect
      .element(screen.getByTestId('total-fiberRouteMiles'))
      .toHaveAttribute('data-value', String(100 / 1609.344));

    // One trench ends the tool (lock off); with the lock on (Q) it stays for the next.
    expect(editor.session.getState().tool).toBe('select');
    await userEvent.keyboard('q');
    await pick('Fiber trench');
    pointer.click(200, 220);
    pointer.dblclick(260, 220);
    expect(doc().fiberTrenches[1]).toMatchObject({
      points: [
        [200, 220],
        [260, 220],
      ],
    });
    // Esc abandons a trench in progress without touching the document.
    pointer.click(50, 200);
    pointer.click(80, 200);
    const before = doc();
    await userEvent.keyboard('{Escape}');
    expect(doc()).toBe(before);
    expect(editor.session.getState().tool).toBe('fiberTrench');
  });

  it('the plant of format version 2: each tool draws its kind, on the canvas and in the inspector', async () => {
    const { pointer, pick, screen, toolButton } = await open();
    const stage = () => Konva.stages.at(-1)!;
    const shape = (id: string) => stage().findOne<Konva.Shape>(`#${id}`);

    await pick('Generator yard');
    await expect.element(screen.getByTestId('tool-options')).toHaveTextContent('12 × 3 MW gensets');
    pointer.click(250, 60);
    await pick('Battery yard');
    pointer.click(330, 60);
    await pick('Cooling plant');
    await userEvent.selectOptions(screen.getByTestId('option-plantType'), 'chiller-tower');
    await expect.element(screen.getByTestId('option-plantReadout')).toHaveTextContent('WUE 1.8');
    await userEvent.click(toolButton('Cooling plant'));
    pointer.click(250, 200);
    await pick('Power feeder');
    const mva = screen.getByTestId('option-feederMva');
    await userEvent.clear(mva);
    await userEvent.type(mva, '90');
    await userEvent.click(toolButton('Power feeder'));
    pointer.click(40, 200);
    pointer.click(40, 80);
    pointer.dblclick(70, 80);

    expect(doc().generatorYards).toEqual([
      expect.objectContaining({ id: 'gen-1', x: 250, y: 60, units: 12, unitMw: 3 }),
    ]);
    expect(doc().batteryYards).toEqual([
      expect.objectContaining({ id: 'bess-1', x: 330, y: 60, powerMw: 50, energyMwh: 200 }),
    ]);
    expect(doc().coolingPlants).toEqual([
      expect.objectContaining({ id: 'cp-1', x: 250, y: 200, type: 'chiller-tower', unitMw: 5 }),
    ]);
    // The feeder's last vertex snapped onto the hall's left edge (x = 70).
    expect(doc().powerFeeders).toEqual([
      expect.objectContaining({
        id: 'fd-1',
        capacityMva: 90,
        points: [
          [40, 200],
          [40, 80],
          [70, 80],
        ],
      }),
    ]);
    // Each is one shape on the content layer, named by its kind.
    await frames();
    expect(shape('gen-1')?.name()).toBe('generator-yard');
    expect(shape('bess-1')?.name()).toBe('battery-yard');
    expect(shape('cp-1')?.name()).toBe('cooling-plant');
    expect(shape('fd-1')?.name()).toBe('power-feeder');
    expect(shape('fd-1')?.getAttr('capacityMva')).toBe(90);

    // The feeder is selected: the inspector shows its fields, its phase the first by default.
    await expect.element(screen.getByTestId('inspector-title')).toHaveTextContent('Feeder 1');
    await expect.element(screen.getByTestId('field-feederCapacityMva')).toHaveValue('90');
    await expect
      .element(screen.getByTestId('inspector').getByLabelText('Phase'))
      .toHaveTextContent('Phase 1');
    // Select the plant and edit its units in the inspector.
    await pick('Select');
    pointer.click(250, 200);
    await expect.element(screen.getByTestId('field-plantUnits')).toHaveValue('20');
    await userEvent.fill(screen.getByTestId('field-plantUnits'), '24');
    await userEvent.keyboard('{Enter}');
    expect(doc().coolingPlants[0]!.units).toBe(24);
    // The legend names the new kinds.
    await expect.element(screen.getByTestId('legend-plant')).toHaveTextContent('Gensets');
    await expect.element(screen.getByTestId('legend-plant')).toHaveTextContent('Feeder');
  });

  it('the plant tools have their keys: G, B, K, E', async () => {
    const { toolButton } = await open();
    for (const [k, name] of [
      ['g', 'Generator yard'],
      ['b', 'Battery yard'],
      ['k', 'Cooling plant'],
      ['e', 'Power feeder'],
    ] as const) {
      await userEvent.keyboard(k);
      await expect.element(toolButton(name)).toHaveAttribute('aria-pressed', 'true');
    }
  });

  it('parcel: shows the vertex handles; drag a vertex, click an edge, refuse a crossing', async () => {
    const { pointer, pick, screen } = await open();
    await pick('Parcel');
    await expect.poll(() => editor.session.getState().overlay.points.length).toBe(4);
    const acres = screen.getByTestId('total-parcelAcres');
    pointer.move(400, 260);
    pointer.drag(400, 260, 450, 300);
    expect(doc().parcel.points[2]).toEqual([450, 300]);
    await expect
      .element(acres)
      .toHaveAttribute('data-value', String(computeReport(doc()).totals.parcelAcres));
    pointer.click(200, 0);
    expect(doc().parcel.points).toHaveLength(5);
    expect(doc().parcel.points[1]).toEqual([200, 0]);
    // Dragging the new vertex down through the bottom edge would cross it: refused.
    const before = doc();
    pointer.drag(200, 0, 200, 320);
    expect(doc()).toBe(before);
    await expect.element(screen.getByTestId('toast')).toHaveTextContent(/cannot cross itself/);
  });
});
