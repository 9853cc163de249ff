import type { ToolId } from '../../state/sessionStore';
import type { Tool } from './types';

/**
 * The tools by id. Each tool module registers itself here; the canvas routes pointer and key
 * events to the active one. A tool id with no tool yet behaves as "pan on drag".
 */
const TOOLS = new Map<ToolId, Tool>();

export function registerTool(tool: Tool): void {
  TOOLS.set(tool.id, tool);
}

export function getTool(id: ToolId): Tool | undefined {
  return TOOLS.get(id);
}
