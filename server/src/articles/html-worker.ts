import { constants, setPriority } from 'node:os';

/**
 * The worker thread's entry (compiled to dist/articles/html-worker.js): piscina calls the default export.
 * On Linux a thread has its own scheduling priority: this one yields the CPU to the event loop (health checks,
 * every other request) whenever both want it. Where that is not allowed, it simply runs at normal priority.
 */
try {
  setPriority(constants.priority.PRIORITY_LOW);
} catch {
  // Not permitted here: no harm done.
}

export { sanitizeTask as default } from './rich-text-task.js';
