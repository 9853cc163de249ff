import { options, type VNode } from 'preact';

/**
 * A text child that is a falsy number (a count of 0) is rendered as its string. Preact 11.2
 * compares a text node's old and new text as `oldVNode.props || {}` against the new one, so a
 * text of 0 never equals its last value and is written into the DOM again on every render. Each
 * write is a mutation: the line is laid out and its layer painted and rastered again, on every
 * report while a hall is dragged (the check counts, the chips). As the string '0' it compares
 * equal and is left alone. (An empty string has the same flaw: render null, not an empty string.)
 */
const previous = options.vnode?.bind(options);
options.vnode = (vnode: VNode) => {
  const text = vnode as unknown as { type: unknown; props: unknown };
  if (text.type === null && typeof text.props === 'number' && !text.props)
    text.props = String(text.props);
  previous?.(vnode);
};
