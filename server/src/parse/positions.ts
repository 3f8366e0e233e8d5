import type { Span } from '../../../rules/kit/types';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Offsets ↔ line/character. Characters are UTF-16 code units, which is what LSP counts by default. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The usual case, and a plan can have a million lines: let indexOf find the breaks.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Zero-based position (LSP). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[Math.min(Math.max(position.line, 0), this.lineStarts.length - 1)];
    return Math.min(start + position.character, this.text.length);
  }

  /** Zero-based range (LSP). A span ending after a line break is pulled back to the end of its last line. */
  rangeOf(span: Span): Range {
    let end = span.end;
    while (end > span.start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return { start: this.positionAt(span.start), end: this.positionAt(end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[line] ?? this.text.length;
  }
}

/** One-based line and column for the CLI. */
export function oneBased(p: Position): { line: number; column: number } {
  return { line: p.line + 1, column: p.character + 1 };
}
