// Types of chromium.mjs (plain JS, so the benchmark can use it too).
export function findChromium(): string | null;
