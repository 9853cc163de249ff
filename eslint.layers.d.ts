import type { Linter } from 'eslint';

export const LAYERS: readonly string[];
export const layerConfigs: Linter.Config[];
