// Per-document analysis: the config that applies, a cache keyed by version (and text), and a debounced scheduler
// where a newer version makes any pending run for an older one obsolete.
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, type HipaaConfig } from '../engine/config';
import { ConfigError, findConfigFile, isIgnored, loadConfigFile, parametersFor } from '../engine/config-file';
import { lint, type EngineOptions } from '../engine/lint';
import type { Analysis } from '../engine/types';

export interface Analysed {
  version: number;
  analysis: Analysis;
  options: EngineOptions;
  /** Fix verifications done for this version (key: finding key + fix index), so a failed fix is not offered again. */
  verified: Map<string, { ok: true; edit: { start: number; end: number; newText: string } } | { ok: false; reason: string }>;
}

export function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The version is the client's word, not the text's: a uri reopened without a close (or a client that does not
 * increase versions) reuses a number for other text, so the text is compared too (the same string object, when current).
 */
const isAnalysisOf = (entry: Analysed, doc: TextDocument) => entry.version === doc.version && entry.analysis.text === doc.getText();

export class Analyses {
  private readonly cache = new Map<string, Analysed>();
  private readonly configs = new Map<string, { config: HipaaConfig; error?: string }>();
  /** Folder → the config file found walking up from it (cleared when a config file is created, changed or deleted). */
  private readonly located = new Map<string, string | undefined>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pending = new Map<string, { version: number; due: number }>();

  constructor(private readonly log: (message: string) => void) {}

  /** The analysis of this exact version, computed now if needed. */
  get(doc: TextDocument): Analysed {
    const cached = this.cache.get(doc.uri);
    if (cached && isAnalysisOf(cached, doc)) return cached;
    const options = this.optionsFor(doc.uri);
    const started = Date.now();
    // An edit inside one resource re-parses only that resource (same config: a config change clears the cache).
    const before = cached?.analysis.parsed;
    const previous = before ? { text: cached.analysis.text, parsed: before } : undefined;
    const analysis = lint(doc.getText(), doc.uri, { ...options, previous });
    if (Date.now() - started > 500) this.log(`linted ${doc.uri} in ${Date.now() - started} ms`);
    const entry: Analysed = { version: doc.version, analysis, options, verified: new Map() };
    this.cache.set(doc.uri, entry);
    return entry;
  }

  /** True when this exact version is analysed already. */
  has(doc: TextDocument): boolean {
    const cached = this.cache.get(doc.uri);
    return !!cached && isAnalysisOf(cached, doc);
  }

  /** Lint after `delayMs` unless a newer version arrives first; `run` gets the document only if still current. */
  schedule(doc: TextDocument, delayMs: number, current: () => TextDocument | undefined, run: (latest: TextDocument) => void): void {
    const due = Date.now() + Math.max(0, delayMs);
    const pending = this.pending.get(doc.uri);
    // The same version already due sooner (didOpen is followed by a content event for the same version): keep it.
    if (pending && pending.version === doc.version && pending.due <= due && this.timers.has(doc.uri)) return;
    clearTimeout(this.timers.get(doc.uri));
    this.pending.set(doc.uri, { version: doc.version, due });
    const fire = () => {
      this.timers.delete(doc.uri);
      this.pending.delete(doc.uri);
      const latest = current();
      if (!latest || latest.version !== doc.version) return;
      run(latest);
    };
    // A timer even for "now", so that the open and the first content event of a document lint it once.
    this.timers.set(doc.uri, setTimeout(fire, Math.max(0, delayMs)));
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.pending.delete(uri);
    this.cache.delete(uri);
  }

  /** A config file changed: every cached analysis may be stale. */
  invalidateConfigs(): void {
    this.configs.clear();
    this.located.clear();
    this.cache.clear();
  }

  configError(uri: string): string | undefined {
    const found = this.configFileOf(uri);
    return found ? this.loadConfig(found).error : undefined;
  }

  isIgnored(uri: string): boolean {
    const file = filePathOf(uri);
    return file ? isIgnored(this.configFor(uri), file) : false;
  }

  optionsFor(uri: string): EngineOptions {
    const config = this.configFor(uri);
    const file = filePathOf(uri);
    return { config, parameterValues: file ? parametersFor(config, file) : {} };
  }

  private configFor(uri: string): HipaaConfig {
    const found = this.configFileOf(uri);
    return found ? this.loadConfig(found).config : defaultConfig();
  }

  /** The config file that applies to a document; the walk up the folders is done once per folder, not per keystroke. */
  private configFileOf(uri: string): string | undefined {
    const file = filePathOf(uri);
    if (!file) return undefined;
    const dir = path.dirname(file);
    if (!this.located.has(dir)) this.located.set(dir, findConfigFile(dir));
    return this.located.get(dir);
  }

  private loadConfig(file: string): { config: HipaaConfig; error?: string } {
    let entry = this.configs.get(file);
    if (!entry) {
      try {
        entry = { config: loadConfigFile(file).config };
      } catch (e) {
        // An invalid config is shown, and the defaults apply until it is fixed.
        entry = { config: defaultConfig(), error: e instanceof ConfigError ? e.message : String(e) };
      }
      this.configs.set(file, entry);
    }
    return entry;
  }
}
