/**
 * The zone layer's mesh in GPU memory (zone-layer.ts): the fills' vertex array with its vertex
 * and index buffers, and the edges' vertices as a float texture; put up in parts and freed.
 */
import {
  edgeTextureSize,
  FILL_FLOATS,
  VERTEX_FLOATS,
  type ZoneMesh,
} from '../../data/zones/zone-ranges';

/** A mesh in GPU memory: the fills' vertex array (its vertex and index buffers) and the edges'
 * texture. */
export interface MeshOnGpu {
  vao: WebGLVertexArrayObject;
  buffers: WebGLBuffer[];
  texture: WebGLTexture | null;
  /** Texels per row of the edges' texture; 0 when the edges do not fit and are not drawn. */
  textureWidth: number;
}

/**
 * A mesh's upload in parts, each about a third of the bytes (the year's: 18 MB of fill
 * vertices, 18 MB of triangles, 23 MB of edge texels): `onAdd` runs them all at once,
 * `setMesh` one a frame. Each fills in `out`.
 */
export const MESH_UPLOAD_STEPS: readonly ((
  gl: WebGL2RenderingContext,
  fillProgram: WebGLProgram,
  mesh: ZoneMesh,
  out: Partial<MeshOnGpu>,
) => void)[] = [
  // The fill vertices, in a vertex array of their own (the current mesh's is still drawn).
  (gl, fillProgram, mesh, out) => {
    out.vao = gl.createVertexArray() as WebGLVertexArrayObject;
    const fillBuf = gl.createBuffer() as WebGLBuffer;
    out.buffers = [fillBuf];
    gl.bindVertexArray(out.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, fillBuf);
    gl.bufferData(gl.ARRAY_BUFFER, mesh.fillVertices, gl.STATIC_DRAW);
    const loc = gl.getAttribLocation(fillProgram, 'a_f');
    gl.enableVertexAttribArray(loc);
    gl.vertexAttribPointer(loc, FILL_FLOATS, gl.FLOAT, false, FILL_FLOATS * 4, 0);
    gl.bindVertexArray(null);
  },
  // The triangles: the element buffer binding is part of the vertex array's state.
  (gl, _fillProgram, mesh, out) => {
    const indexBuf = gl.createBuffer() as WebGLBuffer;
    gl.bindVertexArray(out.vao ?? null);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuf);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, mesh.indices, gl.STATIC_DRAW);
    gl.bindVertexArray(null);
    out.buffers = [...(out.buffers ?? []), indexBuf];
  },
  // The edges' vertices, as texels.
  (gl, _fillProgram, mesh, out) => {
    const count = mesh.vertices.length / VERTEX_FLOATS;
    const edges = edgeTextureSize(count, gl.getParameter(gl.MAX_TEXTURE_SIZE) as number);
    // More vertices than one texture holds: the fills are still drawn, the edges are not.
    if (!edges)
      console.warn(`Zone edges not drawn: ${count} vertices exceed this device's texture size.`);
    out.textureWidth = edges?.width ?? 0;
    out.texture = null;
    if (!edges) return;
    const { width, rows } = edges;
    const texels = new Float32Array(width * rows * 4);
    texels.set(mesh.vertices);
    out.texture = gl.createTexture() as WebGLTexture;
    gl.bindTexture(gl.TEXTURE_2D, out.texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, width, rows, 0, gl.RGBA, gl.FLOAT, texels);
    gl.bindTexture(gl.TEXTURE_2D, null);
  },
];

/** Frees a mesh's GPU memory (whatever parts of it exist). */
export function deleteMesh(gl: WebGL2RenderingContext, mesh: Partial<MeshOnGpu>) {
  for (const b of mesh.buffers ?? []) gl.deleteBuffer(b);
  if (mesh.vao) gl.deleteVertexArray(mesh.vao);
  if (mesh.texture) gl.deleteTexture(mesh.texture);
}
