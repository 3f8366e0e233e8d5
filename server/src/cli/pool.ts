import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import { runTask, type LintTask } from './lint-task';
import type { FileReport } from './report';

const WORKER_SCRIPT = path.join(__dirname, 'worker.js');
/** Below this many files per worker, starting threads costs more than it saves. */
const FILES_PER_WORKER = 8;
/** How long to wait for workers to start before linting in this thread instead. */
const START_TIMEOUT_MS = 15_000;

/**
 * How many workers to use: `--workers` if given, else one per core but one when there are enough files. One
 * thread linting already keeps a second core busy with its garbage collector and compiler, so on two cores
 * a second linting thread measured slower than one (2,671 vs 2,303 ms for 500 templates).
 */
export function workerCount(requested: number | undefined, files: number, cores = availableCores()): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  return Math.max(1, Math.min(cores - 1, Math.floor(files / FILES_PER_WORKER)));
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Lint every task, in worker threads when `size` > 1, and return the reports in task order.
 * The CLI entry is synchronous, so the main thread waits on a shared counter (Atomics.wait) and reads the
 * workers' answers with receiveMessageOnPort; each worker gets its next file as soon as it answers.
 */
export function runTasks(tasks: LintTask[], size: number, onProgress: (done: number, total: number) => void = () => undefined): FileReport[] {
  const reports: FileReport[] = new Array(tasks.length);
  if (size <= 1 || tasks.length <= 1 || !fs.existsSync(WORKER_SCRIPT)) {
    tasks.forEach((t, i) => {
      reports[i] = runTask(t);
      onProgress(i + 1, tasks.length);
    });
    return reports;
  }
  const signal = new SharedArrayBuffer(4);
  const counter = new Int32Array(signal);
  const slots: { worker: Worker; port: MessagePort; ready: boolean; busy: boolean }[] = [];
  for (let i = 0; i < size; i++) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SCRIPT, { workerData: { port: port2, signal }, transferList: [port2] });
    worker.unref();
    slots.push({ worker, port: port1, ready: false, busy: false });
  }
  let next = 0;
  let done = 0;
  const started = Date.now();
  try {
    while (done < tasks.length) {
      const seen = Atomics.load(counter, 0);
      for (const slot of slots) {
        for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
          const msg = m.message as { ready?: boolean; index?: number; report?: FileReport };
          if (msg.ready) slot.ready = true;
          else if (msg.index !== undefined && msg.report) {
            reports[msg.index] = msg.report;
            slot.busy = false;
            done++;
            onProgress(done, tasks.length);
          }
        }
        if (slot.ready && !slot.busy && next < tasks.length) {
          slot.port.postMessage(tasks[next++]);
          slot.busy = true;
        }
      }
      if (done >= tasks.length) break;
      if (!slots.some((s) => s.ready) && Date.now() - started > START_TIMEOUT_MS) {
        // No worker came up (a broken install, a sandbox without threads): do the rest here.
        for (; next < tasks.length; next++) {
          reports[next] = runTask(tasks[next]);
          onProgress(++done, tasks.length);
        }
        break;
      }
      // A wake-up can arrive before its message is receivable on the port: re-check soon rather than sleep long.
      Atomics.wait(counter, 0, seen, 2);
    }
  } finally {
    for (const slot of slots) {
      slot.port.close();
      void slot.worker.terminate();
    }
  }
  return reports;
}
