/**
 * Control zones drawn by a custom WebGL layer: every version is triangulated once
 * (data/zone-mesh.ts) and uploaded once (a replacing mesh a part per frame, drawn once all is
 * in); moving in time picks other index ranges of the same buffers and asks for a repaint. No
 * re-tiling, however many versions (docs/performance.md).
 * Fills are the faction's colour at 0.45 opacity (0.22 when approximate; contested zones are
 * diagonal stripes of the holder's and the other side's colours at 0.5); edges are 1.5 px lines
 * in the faction's colour, dashed when approximate, as the tiled style drew them.
 * Counts are answered on the CPU from the same ranges (custom layers have no
 * queryRenderedFeatures).
 */
import type {
  CustomLayerInterface,
  CustomRenderMethodInput,
  Map as MapLibreMap,
} from 'maplibre-gl';
import {
  activeZones,
  type DrawRanges,
  rangesOf,
  MAX_FACTIONS,
  mercator,
  type ZoneMesh,
  type ZoneRange,
} from '../../data/zones/zone-ranges';
import { glProgram, type ProgramSource } from './gl-program';
import { deleteMesh, type MeshOnGpu, MESH_UPLOAD_STEPS } from './zone-gpu-mesh';

export const ZONES_GPU_LAYER = 'zones-gpu';
const LINE_WIDTH_PX = 1.5;
/** Dash and gap of approximate edges, px (MapLibre's dasharray [2, 2] at 1.5 px width). */
const DASH_PX = 3;
/** Width of each stripe of a contested zone's fill, px. */
const STRIPE_PX = 4;

const COMMON = `
uniform vec4 u_colors[${MAX_FACTIONS}];
vec4 factionColor(float code, out bool approximate, out bool isBreak) {
  int c = int(code + 0.5);
  isBreak = (c / 128) % 2 == 1;
  approximate = (c / 64) % 2 == 1;
  return u_colors[c % 64];
}
bool isContested(float code) { return (int(code + 0.5) / 256) % 2 == 1; }
vec4 otherColor(float code) { return u_colors[(int(code + 0.5) / 512) % 64]; }`;

const FILL_VERTEX = `#version 300 es
uniform mat4 u_matrix;
in vec3 a_f;
out vec4 v_color;
out vec4 v_other;
flat out int v_contested;
${COMMON}
void main() {
  bool approximate, isBreak;
  vec4 c = factionColor(a_f.z, approximate, isBreak);
  bool contested = isContested(a_f.z);
  // Contested areas: stripes of both sides' colours, stronger than an approximate fill.
  float opacity = contested ? 0.5 : approximate ? 0.22 : 0.45;
  v_color = vec4(c.rgb * opacity, opacity);
  v_other = vec4(otherColor(a_f.z).rgb * opacity, opacity);
  v_contested = contested ? 1 : 0;
  gl_Position = u_matrix * vec4(a_f.xy, 0.0, 1.0);
}`;

const FILL_FRAGMENT = `#version 300 es
precision highp float;
uniform float u_stripe;
in vec4 v_color;
in vec4 v_other;
flat in int v_contested;
out vec4 color;
void main() {
  // Diagonal stripes in screen space, u_stripe px wide, alternating holder and other side.
  bool other = v_contested == 1 && mod(gl_FragCoord.x + gl_FragCoord.y, 2.0 * u_stripe) >= u_stripe;
  color = other ? v_other : v_color;
}`;

// Six vertices (two triangles) per segment i, joining ring vertex i to i + 1, both read from a
// float texture by gl_VertexID: instancing, the obvious way, made each frame twice as slow in
// software WebGL (SwiftShader sets up every instance as its own draw). The quad is widened in
// screen space and lengthened by half the width at each end, so joins close.
const LINE_VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform vec2 u_half_viewport;
uniform float u_half_width;
uniform float u_world_px;
uniform highp sampler2D u_vertices;
out vec4 v_color;
out float v_dist;
flat out int v_dashed;
${COMMON}
const vec2 CORNERS[6] = vec2[6](
  vec2(0.0, -1.0), vec2(0.0, 1.0), vec2(1.0, -1.0),
  vec2(0.0, 1.0), vec2(1.0, 1.0), vec2(1.0, -1.0));
uniform int u_texture_width;
ivec2 texel(int i) { return ivec2(i % u_texture_width, i / u_texture_width); }
void main() {
  int segment = gl_VertexID / 6;
  vec2 a_corner = CORNERS[gl_VertexID % 6];
  vec4 a_a = texelFetch(u_vertices, texel(segment), 0);
  vec4 a_b = texelFetch(u_vertices, texel(segment + 1), 0);
  bool approximate, isBreak, bApprox, bBreak;
  vec4 c = factionColor(a_a.w, approximate, isBreak);
  factionColor(a_b.w, bApprox, bBreak);
  if (isBreak || bBreak) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  vec4 pa = u_matrix * vec4(a_a.xy, 0.0, 1.0);
  vec4 pb = u_matrix * vec4(a_b.xy, 0.0, 1.0);
  vec2 sa = pa.xy / pa.w * u_half_viewport;
  vec2 sb = pb.xy / pb.w * u_half_viewport;
  vec2 d = sb - sa;
  float len = length(d);
  vec2 dir = len > 0.0 ? d / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  vec2 s = mix(sa, sb, a_corner.x) + normal * a_corner.y * u_half_width
    + dir * (a_corner.x * 2.0 - 1.0) * u_half_width;
  gl_Position = vec4(s / u_half_viewport, 0.0, 1.0);
  v_color = vec4(c.rgb, 1.0);
  v_dist = mix(a_a.z, a_b.z, a_corner.x) * u_world_px;
  v_dashed = approximate ? 1 : 0;
}`;

const LINE_FRAGMENT = `#version 300 es
precision highp float;
uniform float u_dash;
in vec4 v_color;
in float v_dist;
flat in int v_dashed;
out vec4 color;
void main() {
  if (v_dashed == 1 && mod(v_dist, 2.0 * u_dash) > u_dash) discard;
  color = v_color;
}`;

/** The zone layer's programs, fills and edges (warmed early: gl-program.ts). */
export const ZONE_PROGRAMS: readonly [ProgramSource, ProgramSource] = [
  ['zone fill', FILL_VERTEX, FILL_FRAGMENT],
  ['zone edge', LINE_VERTEX, LINE_FRAGMENT],
];

interface GlState {
  gl: WebGL2RenderingContext;
  fill: { program: WebGLProgram; u: Uniforms };
  line: { program: WebGLProgram; vao: WebGLVertexArrayObject; u: Uniforms };
  mesh: MeshOnGpu;
}
type Uniforms = Record<string, WebGLUniformLocation | null>;

/**
 * A new mesh (setMesh) going up one part a frame, while the current one is still drawn: the
 * year's whole mesh in one go (about 60 MB of buffers and texture) was one 70–130 ms task.
 */
interface Upload {
  mesh: ZoneMesh;
  /** The parts done so far, in MESH_UPLOAD_STEPS order. */
  done: Partial<MeshOnGpu>;
  step: number;
}

export class ZoneLayer implements CustomLayerInterface {
  readonly id = ZONES_GPU_LAYER;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private mesh: ZoneMesh;
  private t: number;
  /** The mesh setMesh gave, going up a part per frame; drawn once all of it is in. */
  private upload: Upload | null = null;
  /** RGBA (0..1) per faction index, then the colour of an unknown faction. */
  private readonly colors: Float32Array;
  /** The zones active at the current time, and their merged draw ranges: recomputed when the
   * time changes, not on every frame (panning redraws too). */
  private active: ZoneRange[] = [];
  private ranges: DrawRanges = { fills: [], lines: [] };
  private visible = true;
  private map: MapLibreMap | null = null;
  private gl: GlState | null = null;

  /** `mesh` was built (zone-mesh.ts) with the faction ids of `factions`, in this order. */
  constructor(
    mesh: ZoneMesh,
    factions: readonly { id: string; color: string }[],
    unknownColor: string,
    t: number,
  ) {
    this.mesh = mesh;
    this.t = t;
    this.setTime(t);
    this.colors = new Float32Array(MAX_FACTIONS * 4);
    for (const [i, hex] of [...factions.map((f) => f.color), unknownColor].entries())
      this.colors.set(rgba(hex), i * 4);
  }

  setTime(t: number) {
    this.t = t;
    this.active = activeZones(this.mesh.zones, t);
    this.ranges = rangesOf(this.active);
    this.map?.triggerRepaint();
  }

  /** Replaces the mesh (the other days' zones arrived after the newest: load/first-zones.ts):
   * drawn once it is on the GPU, a few frames later; the current one until then. */
  setMesh(mesh: ZoneMesh) {
    if (!this.gl) {
      this.mesh = mesh;
      this.setTime(this.t);
      return;
    }
    if (this.upload) deleteMesh(this.gl.gl, this.upload.done);
    this.upload = { mesh, done: {}, step: 0 };
    this.map?.triggerRepaint();
  }

  setVisible(on: boolean) {
    this.visible = on;
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext) {
    this.map = map;
    const fillProgram = glProgram(gl, ...ZONE_PROGRAMS[0]);
    const lineProgram = glProgram(gl, ...ZONE_PROGRAMS[1]);
    const uniforms = (p: WebGLProgram, names: string[]) =>
      Object.fromEntries(names.map((n) => [n, gl.getUniformLocation(p, n)]));
    const fill = {
      program: fillProgram,
      u: uniforms(fillProgram, ['u_matrix', 'u_colors', 'u_stripe']),
    };
    const mesh: Partial<MeshOnGpu> = {};
    for (const step of MESH_UPLOAD_STEPS) step(gl, fill.program, this.mesh, mesh);
    this.gl = {
      gl,
      fill,
      line: {
        program: lineProgram,
        // The edges read everything from the texture: an empty vertex array.
        vao: gl.createVertexArray() as WebGLVertexArrayObject,
        u: uniforms(lineProgram, [
          'u_matrix',
          'u_colors',
          'u_half_viewport',
          'u_half_width',
          'u_world_px',
          'u_dash',
          'u_vertices',
          'u_texture_width',
        ]),
      },
      mesh: mesh as MeshOnGpu,
    };
  }

  /** One part of a new mesh's upload; once all are in, the new mesh replaces the old. */
  private uploadStep(gl: WebGL2RenderingContext, state: GlState, upload: Upload) {
    MESH_UPLOAD_STEPS[upload.step++](gl, state.fill.program, upload.mesh, upload.done);
    if (upload.step < MESH_UPLOAD_STEPS.length) {
      this.map?.triggerRepaint();
      return;
    }
    deleteMesh(gl, state.mesh);
    state.mesh = upload.done as MeshOnGpu;
    this.upload = null;
    this.mesh = upload.mesh;
    this.setTime(this.t);
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput) {
    if (this.upload && this.gl) this.uploadStep(gl, this.gl, this.upload);
    if (!this.gl || !this.visible || !this.map) return;
    const { fills, lines } = this.ranges;
    if (!fills.length && !lines.length) return;
    const matrix = options.defaultProjectionData.mainMatrix as Float32Array;
    // The map's own ratio, not the screen's: an export draws at its own (2× for print).
    const ratio = this.map.getPixelRatio();
    // Triangles of either winding, over whatever was drawn below; MapLibre resets its own GL
    // state after a custom layer.
    gl.disable(gl.CULL_FACE);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);

    const { fill, line, mesh } = this.gl;
    gl.useProgram(fill.program);
    gl.uniformMatrix4fv(fill.u.u_matrix, false, matrix);
    gl.uniform4fv(fill.u.u_colors, this.colors);
    gl.uniform1f(fill.u.u_stripe, STRIPE_PX * ratio);
    gl.bindVertexArray(mesh.vao);
    for (const [first, count] of fills)
      gl.drawElements(gl.TRIANGLES, count, gl.UNSIGNED_INT, first * 4);

    gl.bindVertexArray(null);
    if (!mesh.textureWidth) return;
    gl.useProgram(line.program);
    gl.uniformMatrix4fv(line.u.u_matrix, false, matrix);
    gl.uniform4fv(line.u.u_colors, this.colors);
    gl.uniform2f(line.u.u_half_viewport, gl.drawingBufferWidth / 2, gl.drawingBufferHeight / 2);
    gl.uniform1f(line.u.u_half_width, (LINE_WIDTH_PX * ratio) / 2);
    gl.uniform1f(line.u.u_world_px, 512 * 2 ** this.map.getZoom() * ratio);
    gl.uniform1f(line.u.u_dash, DASH_PX * ratio);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, mesh.texture);
    gl.uniform1i(line.u.u_vertices, 0);
    gl.uniform1i(line.u.u_texture_width, mesh.textureWidth);
    gl.bindVertexArray(line.vao);
    for (const [first, count] of lines) gl.drawArrays(gl.TRIANGLES, first * 6, count * 6);
    gl.bindVertexArray(null);
  }

  onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext) {
    if (!this.gl) return;
    deleteMesh(gl, this.gl.mesh);
    if (this.upload) {
      deleteMesh(gl, this.upload.done);
      this.mesh = this.upload.mesh;
      this.upload = null;
    }
    gl.deleteVertexArray(this.gl.line.vao);
    for (const p of [this.gl.fill, this.gl.line]) gl.deleteProgram(p.program);
    this.gl = null;
    this.map = null;
  }

  /** How many zones active at t overlap the current view (by bounding box). */
  countInView(): number {
    if (!this.map || !this.visible) return 0;
    const b = this.map.getBounds();
    const [west, north] = mercator([b.getWest(), b.getNorth()]);
    const [east, south] = mercator([b.getEast(), b.getSouth()]);
    let n = 0;
    for (const z of this.active) {
      const [x0, y0, x1, y1] = z.bbox;
      if (x1 >= west && x0 <= east && y1 >= north && y0 <= south) n++;
    }
    return n;
  }
}

function rgba(hex: string): [number, number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const n = Number.parseInt(full.slice(0, 6), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, 1];
}
