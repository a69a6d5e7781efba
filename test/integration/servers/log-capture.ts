/** A logger destination that keeps every line, for asserting on what was (not) logged. */
export function captureLogs() {
  const lines: string[] = [];
  return {
    lines,
    destination: { write: (line: string) => lines.push(line) },
    text: () => lines.join(''),
  };
}
