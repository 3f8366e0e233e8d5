import { workerData, type MessagePort } from 'worker_threads';
import { runTask, type LintTask } from './lint-task';

/**
 * Worker thread: lints the tasks the main thread sends on its port, answers each with the report, and bumps a
 * shared counter so the main thread (waiting synchronously) wakes up.
 */
const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };
const counter = new Int32Array(signal);

function wake(): void {
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

port.on('message', (task: LintTask) => {
  port.postMessage({ index: task.index, report: runTask(task) });
  wake();
});
port.postMessage({ ready: true });
wake();
