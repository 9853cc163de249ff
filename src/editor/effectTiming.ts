import { options } from 'preact';

/**
 * When effects run. The UI is written against React's API and run by preact/compat, which runs
 * `useEffect` after the next animation frame (or a 35 ms timer). React runs them right after the
 * render's task, and that is what the planner's subscriptions expect (a store read in render is
 * subscribed to before the next input; autosave starts with the page). Here effects run in the
 * task after the render, through a MessageChannel, which a hidden frame does not throttle.
 */
const pending: (() => void)[] = [];
const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
if (channel) {
  channel.port1.onmessage = () => {
    for (const run of pending.splice(0)) run();
  };
  options.requestAnimationFrame = (run: () => void) => {
    pending.push(run);
    if (pending.length === 1) channel.port2.postMessage(null);
  };
}
