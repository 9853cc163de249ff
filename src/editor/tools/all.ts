/**
 * Every tool module, imported once for its registerTool() call. Add a line per tool.
 */
import './selectTool';
import './hallTool';
import './rackRowTool';
import './coolingZoneTool';
import './substationTool';
import './trenchTool';
import './parcelTool';
export {};
