/**
 * Runs `then` once the browser has painted the next frame, and returns a function that cancels
 * it. For parts of a page that are out of sight when it opens: made after the first paint, they
 * do not hold back what the admin came to see.
 */
export function afterNextPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A frame's callbacks run before it is painted; a task queued from one runs after.
  const frame = requestAnimationFrame(() => (timer = setTimeout(then, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
