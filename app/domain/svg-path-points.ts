/**
 * The absolute points of SVG path data made of M/m, L/l and z commands (what the map's
 * outlines use), for checking where a drawn outline lies.
 */
export function absolutePoints(d: string): [number, number][] {
  const tokens = d.match(/[MmLlZz]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const points: [number, number][] = [];
  let command = "";
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (/[MmLlZz]/.test(token)) {
      command = token;
      i++;
      if (command === "z" || command === "Z") {
        x = startX;
        y = startY;
      }
      continue;
    }
    const a = Number(token);
    const b = Number(tokens[i + 1]);
    i += 2;
    const relative = command === "m" || command === "l";
    x = relative ? x + a : a;
    y = relative ? y + b : b;
    if (command === "m" || command === "M") {
      startX = x;
      startY = y;
      command = command === "m" ? "l" : "L"; // further pairs after a moveto are linetos
    }
    points.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
  }
  return points;
}
