/** WebGL helpers shared by the custom layers (pin-layer.ts, zone-layer.ts). */

/** Compiles and links a program; a compile or link error names the layer and says why. */
export function glProgram(
  gl: WebGL2RenderingContext,
  layer: string,
  vertex: string,
  fragment: string,
): WebGLProgram {
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
