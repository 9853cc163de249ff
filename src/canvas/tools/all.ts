/**
 * Every tool module, imported once for its registerTool() call. Add a line per tool.
 */
export {};
