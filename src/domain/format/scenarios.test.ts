import { describe, expect, it } from 'vitest';
import { smallTraditionalCampus } from '../lessons/testLayout';
import {
  addScenario,
  MAX_SCENARIOS,
  parseScenariosText,
  serializeScenarios,
  uniqueScenarioName,
  type Scenario,
} from './scenarios';

const layout = smallTraditionalCampus();
const scenario = (name: string, savedAt = 1_765_000_000_000): Scenario => ({
  name,
  savedAt,
  layout,
});

/** The serialized form of two scenarios, as a plain object to damage. */
const plain = () =>
  JSON.parse(serializeScenarios([scenario('A'), scenario('B', 5)])) as {
    format: string;
    version: number;
    scenarios: Record<string, unknown>[];
  };

const messageOf = (value: unknown): string => {
  const r = parseScenariosText(JSON.stringify(value));
  if (r.ok) throw new Error('expected a failure');
  return r.message;
};

describe('scenarios file', () => {
  it('reads back what it wrote', () => {
    const text = serializeScenarios([scenario('A'), scenario('B', 5)]);
    const r = parseScenariosText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenarios.map((s) => [s.name, s.savedAt])).toEqual([
      ['A', 1_765_000_000_000],
      ['B', 5],
    ]);
    expect(r.scenarios[0]!.layout).toEqual(layout);
    // The layout inside is a version 2 layout file, unchanged.
    expect(plain().scenarios[0]!.layout).toMatchObject({ format: 'ai-campus-layout', version: 2 });
  });

  it('refuses damaged scenarios with a message naming what is wrong', () => {
    expect(parseScenariosText('{')).toEqual({
      ok: false,
      message: 'the saved scenarios are not JSON',
    });
    expect(messageOf({ format: 'ai-campus-layout', version: 2 })).toMatch(/not a scenarios file/);
    expect(messageOf({ ...plain(), version: 9 })).toMatch(/newer planner \(version 9/);
    expect(messageOf({ ...plain(), scenarios: {} })).toBe('"scenarios" is not a list');
    const noName = plain();
    noName.scenarios[1]!.name = '  ';
    expect(messageOf(noName)).toBe('scenario 2 has no name');
    const twice = plain();
    twice.scenarios[1]!.name = 'A';
    expect(messageOf(twice)).toBe('scenario 2 (“A”) has the same name as an earlier one');
    const noTime = plain();
    noTime.scenarios[0]!.savedAt = 'yesterday';
    expect(messageOf(noTime)).toBe('scenario 1 (“A”) has no valid "savedAt" time');
    const badHall = plain();
    (badHall.scenarios[1]!.layout as { halls: { width: number }[] }).halls[0]!.width = -5;
    expect(messageOf(badHall)).toMatch(
      /^scenario 2 \(“B”\)'s layout is not valid: halls\[0\]\.width/,
    );
    const tooMany = plain();
    tooMany.scenarios = Array.from({ length: MAX_SCENARIOS + 1 }, (_, i) => ({
      ...tooMany.scenarios[0],
      name: `S${i}`,
    }));
    expect(messageOf(tooMany)).toMatch(`at most ${MAX_SCENARIOS}`);
  });

  it('names new scenarios uniquely and keeps at most MAX_SCENARIOS', () => {
    expect(uniqueScenarioName('', [])).toBe('Scenario 1');
    expect(uniqueScenarioName(' Plan B ', [])).toBe('Plan B');
    expect(uniqueScenarioName('A', [scenario('A'), scenario('A (2)')])).toBe('A (3)');
    let list: readonly Scenario[] = [];
    for (let i = 0; i < MAX_SCENARIOS + 3; i++) list = addScenario(list, scenario(`S${i}`, i));
    expect(list).toHaveLength(MAX_SCENARIOS);
    expect(list[0]!.name).toBe('S3');
    // The same name replaces the older one, and moves it last.
    const replaced = addScenario(list, scenario('S3', 99));
    expect(replaced).toHaveLength(MAX_SCENARIOS);
    expect(replaced.at(-1)).toMatchObject({ name: 'S3', savedAt: 99 });
  });
});
