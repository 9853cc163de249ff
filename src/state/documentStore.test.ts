import { describe, expect, it } from 'vitest';
import { createHall } from '../domain';
import { createDocumentStore, emptyLayout } from './documentStore';

describe('document store', () => {
  it('applies an immer recipe as one undoable step, sharing untouched parts', () => {
    const store = createDocumentStore(emptyLayout());
    store.getState().apply((d) => {
      d.halls.push(createHall('hall-1', { x: 10, y: 10 }));
    }, 'Add hall');
    const afterAdd = store.getState().doc;
    store.getState().apply((d) => {
      d.halls[0]!.x = 50;
    }, 'Move hall');
    const moved = store.getState().doc;
    expect(moved.halls[0]!.x).toBe(50);
    expect(moved.parcel).toBe(afterAdd.parcel);
    store.getState().undo();
    expect(store.getState().doc).toBe(afterAdd);
    store.getState().redo();
    expect(store.getState().doc).toBe(moved);
  });

  it('documents are frozen: edits go through apply', () => {
    const store = createDocumentStore(emptyLayout());
    expect(Object.isFrozen(store.getState().doc.parcel.points)).toBe(true);
  });

  it('a gesture is one step; cancel returns the same document object', () => {
    const store = createDocumentStore(emptyLayout());
    store.getState().apply((d) => {
      d.halls.push(createHall('hall-1', { x: 0, y: 0 }));
    }, 'Add hall');
    const before = store.getState().doc;
    const s = store.getState();
    s.beginGesture();
    for (let i = 1; i <= 10; i++) s.updateGesture((d) => void (d.halls[0]!.x = i));
    s.cancelGesture();
    expect(store.getState().doc).toBe(before);
    s.beginGesture();
    for (let i = 1; i <= 10; i++) s.updateGesture((d) => void (d.halls[0]!.x = i));
    s.commitGesture('Move hall');
    expect(store.getState().past).toHaveLength(2);
    s.undo();
    expect(store.getState().doc).toBe(before);
  });

  it('updateGesture without an open gesture changes nothing and runs no recipe', () => {
    const store = createDocumentStore(emptyLayout());
    const before = store.getState().doc;
    let ran = false;
    store.getState().updateGesture((d) => {
      ran = true;
      d.name = 'Moved';
    });
    expect(ran).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().mark).toBeNull();
    // A gesture ended by undo stays ended: the drag's next update is ignored.
    store.getState().beginGesture();
    store.getState().updateGesture((d) => void (d.name = 'Moved'));
    store.getState().undo();
    store.getState().updateGesture((d) => void (d.name = 'Moved again'));
    store.getState().commitGesture('Move');
    expect(store.getState().doc).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it('a recipe that changes nothing records nothing', () => {
    const store = createDocumentStore(emptyLayout());
    store.getState().apply(() => {}, 'Nothing');
    expect(store.getState().past).toHaveLength(0);
  });

  it('load replaces the document, clears history and counts loads', () => {
    const store = createDocumentStore(emptyLayout());
    store.getState().apply((d) => void (d.name = 'Edited'), 'Rename');
    store.getState().beginGesture();
    const next = emptyLayout('Other');
    store.getState().load(next);
    const s = store.getState();
    expect(s.doc.name).toBe('Other');
    expect(s.past).toHaveLength(0);
    expect(s.future).toHaveLength(0);
    expect(s.mark).toBeNull();
    expect(s.loadGeneration).toBe(1);
  });
});
