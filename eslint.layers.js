/**
 * The layers of src/, lowest first. A layer may import only from layers below it (and itself):
 * `npm run lint` makes every upward import an error. src/cli sits on the domain alone.
 */
export const LAYERS = ['domain', 'state', 'editor', 'canvas', 'panels', 'app'];

const LIBRARIES_DOMAIN_MAY_NOT_USE = [
  { group: ['react', 'react-*', 'react/*'], message: 'src/domain is pure: no React.' },
  { group: ['konva', 'konva/*', 'react-konva'], message: 'src/domain is pure: no Konva.' },
  { group: ['zustand', 'zustand/*'], message: 'src/domain is pure: no zustand.' },
];

/** Import patterns (relative or absolute) that reach into the folder `src/<name>`. */
const into = (name) => [`**/${name}`, `**/${name}/**`, `src/${name}`, `src/${name}/**`];

function upwardPatterns(layer) {
  const above = [...LAYERS.slice(LAYERS.indexOf(layer) + 1), 'cli'];
  return above.map((name) => ({
    group: into(name),
    message: `src/${layer} may not import src/${name}: layers import only downward (${LAYERS.join(' → ')}).`,
  }));
}

/** One config block per layer, with its no-restricted-imports rule. */
export const layerConfigs = [
  ...LAYERS.map((layer) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(layer === 'domain' ? LIBRARIES_DOMAIN_MAY_NOT_USE : []),
            ...upwardPatterns(layer),
          ],
        },
      ],
    },
  })),
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: LAYERS.filter((l) => l !== 'domain').map((name) => ({
            group: into(name),
            message: `src/cli builds on src/domain alone, not src/${name}.`,
          })),
        },
      ],
    },
  },
];
