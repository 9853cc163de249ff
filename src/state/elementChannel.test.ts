import { describe, expect, it } from 'vitest';
import { createHall, createRackRow } from '../domain';
import { createDocumentStore, emptyLayout } from './documentStore';
import { createElementChannel } from './elementChannel';

function setup() {
  const store = createDocumentStore(emptyLayout());
  store.getState().apply((d) => {
    d.halls.push(createHall('a', { x: 0, y: 0 }), createHall('b', { x: 100, y: 0 }));
  }, 'Add halls');
  const channel = createElementChannel(store);
  const calls: string[] = [];
  const listen = (name: string) => () => calls.push(name);
  return { store, channel, calls, listen };
}

describe('element channel', () => {
  it('tells the listeners of the element that changed, and no other', () => {
    const { store, channel, calls, listen } = setup();
    channel.element('halls', 'a', listen('a'));
    channel.element('halls', 'b', listen('b'));
    channel.element('fiberTrenches', 'a', listen('trench a'));
    channel.settings(listen('settings'));
    channel.rowsOf('a', listen('rows of a'));
    store.getState().apply((d) => {
      d.halls[1]!.x = 120;
    }, 'Move b');
    expect(calls).toEqual(['b']);
    calls.length = 0;
    // A gesture's frames, one by one.
    store.getState().beginGesture();
    for (const x of [1, 2, 3])
      store.getState().updateGesture((d) => {
        d.halls[0]!.x = x;
      });
    store.getState().commitGesture('Move a');
    expect(calls).toEqual(['a', 'a', 'a']);
  });

  it('an unsubscribe called twice does not drop a listener added since', () => {
    const { store, channel, calls, listen } = setup();
    const off = channel.element('halls', 'a', listen('first'));
    off();
    channel.element('halls', 'a', listen('second'));
    off();
    store.getState().apply((d) => {
      d.halls[0]!.x = 5;
    }, 'Move a');
    expect(calls).toEqual(['second']);
  });

  it('tells every listener of a collection when an element is added or deleted', () => {
    const { store, channel, calls, listen } = setup();
    channel.element('halls', 'a', listen('a'));
    channel.element('halls', 'c', listen('c'));
    store.getState().apply((d) => {
      d.halls.push(createHall('c', { x: 200, y: 0 }));
    }, 'Add c');
    expect(calls.sort()).toEqual(['a', 'c']);
    calls.length = 0;
    store.getState().undo();
    expect(calls.sort()).toEqual(['a', 'c']);
  });

  it('tells the settings and the rows listeners when those change, and stops when unsubscribed', () => {
    const { store, channel, calls, listen } = setup();
    const off = channel.settings(listen('settings'));
    channel.rowsOf('a', listen('rows of a'));
    channel.element('halls', 'a', listen('a'));
    store.getState().apply((d) => {
      d.settings.targetTier = 'hopper';
    }, 'Tier');
    expect(calls).toEqual(['settings']);
    calls.length = 0;
    const row = createRackRow('r1', 'a', { x: 1, y: 1 });
    store.getState().apply((d) => {
      d.rackRows.push(row);
    }, 'Row');
    expect(calls).toEqual(['rows of a']);
    calls.length = 0;
    off();
    store.getState().apply((d) => {
      d.settings.targetTier = 'blackwell';
    }, 'Tier');
    expect(calls).toEqual([]);
  });
});
