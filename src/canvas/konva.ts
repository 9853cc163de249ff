/**
 * The Konva the canvas uses: the core and the one built-in shape it draws (Line), not the full
 * build, whose other shapes and filters would add ~75 KB to the initial JavaScript. Import Konva
 * and the React components for its nodes (konvaBinding.tsx) from here.
 */
import Konva from 'konva/lib/Core';
import 'konva/lib/shapes/Line';

export { Konva };
export { CHILDREN_REORDER_EVENT, Layer, Line, Shape, Stage } from './konvaBinding';
