/** WebGL helpers shared by the custom layers (pin-layer.ts, zone-layer.ts). */

/** A program's sources: the layer it is for (named in errors), vertex and fragment shader. */
export type ProgramSource = readonly [layer: string, vertex: string, fragment: string];

/** Programs warmPrograms started, by context and sources, until glProgram takes them. */
const warmed = new WeakMap<WebGL2RenderingContext, Map<string, WebGLProgram>>();

/**
 * Starts compiling and linking programs without asking how it went: no status query, so the
 * page does not wait while the GPU process compiles (in parallel where the browser offers
 * KHR_parallel_shader_compile). The early map does this while the data loads (early-map.ts);
 * glProgram then takes them ready instead of compiling in the first frame with data, a long
 * task in software WebGL.
 */
export function warmPrograms(gl: WebGL2RenderingContext, sources: readonly ProgramSource[]) {
  gl.getExtension('KHR_parallel_shader_compile');
  const cache = warmed.get(gl) ?? new Map<string, WebGLProgram>();
  warmed.set(gl, cache);
  for (const [, vertex, fragment] of sources) {
    const key = `${vertex}\u0000${fragment}`;
    if (cache.has(key)) continue;
    const p = gl.createProgram() as WebGLProgram;
    for (const [type, src] of [
      [gl.VERTEX_SHADER, vertex],
      [gl.FRAGMENT_SHADER, fragment],
    ] as const) {
      const s = gl.createShader(type) as WebGLShader;
      gl.shaderSource(s, src);
      gl.compileShader(s);
      gl.attachShader(p, s);
    }
    gl.linkProgram(p);
    cache.set(key, p);
  }
}

/**
 * Asks how the programs warmPrograms started went, once, while the page waits for nothing: any
 * synchronous WebGL call waits until the GPU process has done everything asked before it, so
 * the same question asked in the first full-size frame waited for that frame's drawing too
 * (100–150 ms in software WebGL). The early map's warm-up layer asks on its first frame.
 */
export function confirmWarmPrograms(gl: WebGL2RenderingContext) {
  for (const p of warmed.get(gl)?.values() ?? [])
    if (!linked.has(p)) linked.set(p, gl.getProgramParameter(p, gl.LINK_STATUS));
}

/** The link status of warmed programs already asked (confirmWarmPrograms). */
const linked = new WeakMap<WebGLProgram, boolean>();

/** Compiles and links a program (or takes the one warmPrograms started); a compile or link
 * error names the layer and says why. */
export function glProgram(
  gl: WebGL2RenderingContext,
  layer: string,
  vertex: string,
  fragment: string,
): WebGLProgram {
  const key = `${vertex}\u0000${fragment}`;
  const ready = warmed.get(gl)?.get(key);
  if (ready) {
    warmed.get(gl)?.delete(key);
    if (linked.get(ready) ?? gl.getProgramParameter(ready, gl.LINK_STATUS)) return ready;
    const logs = (gl.getAttachedShaders(ready) ?? []).map((s) => gl.getShaderInfoLog(s));
    throw new Error(`${layer} program: ${[...logs, gl.getProgramInfoLog(ready)].join(' ')}`);
  }
  const shader = (type: number, src: string) => {
    const s = gl.createShader(type) as WebGLShader;
    gl.shaderSource(s, src);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS))
      throw new Error(`${layer} shader: ${gl.getShaderInfoLog(s)}`);
    return s;
  };
  const p = gl.createProgram() as WebGLProgram;
  gl.attachShader(p, shader(gl.VERTEX_SHADER, vertex));
  gl.attachShader(p, shader(gl.FRAGMENT_SHADER, fragment));
  gl.linkProgram(p);
  if (!gl.getProgramParameter(p, gl.LINK_STATUS))
    throw new Error(`${layer} program: ${gl.getProgramInfoLog(p)}`);
  return p;
}
