import { createCoolingZoneTool } from './coolingZoneTool';
import { createHallTool } from './hallTool';
import { createParcelTool } from './parcelTool';
import { createRackRowTool } from './rackRowTool';
import { createSelectTool } from './selectTool';
import { createSubstationTool } from './substationTool';
import { createFeederTool, createTrenchTool } from './trenchTool';
import {
  createBatteryYardTool,
  createCoolingPlantTool,
  createGeneratorYardTool,
} from './plantTools';
import type { ToolFactory } from './types';

/** Every tool of the app, for createEditor({ tools }). Add a line per tool. */
export const ALL_TOOLS: readonly ToolFactory[] = [
  createSelectTool,
  createHallTool,
  createRackRowTool,
  createCoolingZoneTool,
  createSubstationTool,
  createTrenchTool,
  createGeneratorYardTool,
  createBatteryYardTool,
  createCoolingPlantTool,
  createFeederTool,
  createParcelTool,
];
