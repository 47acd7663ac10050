/**
 * Report pins drawn by a custom WebGL layer with the time as a shader uniform (the way GPU data
 * filters work, e.g. deck.gl's DataFilterExtension). Every pin is uploaded once; moving in time
 * changes one uniform and asks for a repaint: no re-tiling, no re-upload, whatever the count.
 * Pins not yet known at t are dropped in the vertex shader. The report filter is a one-byte mask
 * per pin (a small buffer of its own, filled when the filter changes; the pins are not sent
 * again), and the time window a second uniform: pins older than t − window are not drawn, and
 * the older a pin in the window, the fainter. Clicks and counts are answered on the CPU from the
 * same arrays (custom layers have no queryRenderedFeatures).
 */
import {
  type CustomLayerInterface,
  type CustomRenderMethodInput,
  type Map as MapLibreMap,
  MercatorCoordinate,
} from 'maplibre-gl';
import { upperBound } from '../../lib/search';
import { glProgram, type ProgramSource } from './gl-program';
import type { ReportFeatureProps } from '../../data/map-features';
import type { Feature, Point } from 'geojson';

export const PINS_LAYER = 'reports-gpu';
const STATUS_CODE: Record<string, number> = { confirmed: 0, claimed: 1, unconfirmed: 2 };
/** Pin radius and stroke in CSS px, and the offset that keeps pins off their place's dot. */
export const PIN_RADIUS_PX = 8;
const PIN_OFFSET_PX: [number, number] = [8, -8];
const HOUR = 3_600_000;

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform float u_t;
uniform float u_from;
uniform float u_fade;
uniform float u_size;
uniform vec2 u_offset;
in vec2 a_pos;
in float a_t0;
in float a_status;
in float a_mask;
out float v_status;
out float v_alpha;
void main() {
  if (a_t0 > u_t || a_t0 <= u_from || a_mask < 0.5) {
    // Not known yet, older than the window, or filtered out: outside the clip volume.
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  gl_Position.xy += u_offset * gl_Position.w;
  gl_PointSize = u_size;
  v_status = a_status;
  // In a window, a pin fades from full at t to a third at the window's start.
  v_alpha = u_fade > 0.5 ? mix(0.33, 1.0, clamp((a_t0 - u_from) / max(u_t - u_from, 1e-6), 0.0, 1.0)) : 1.0;
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform float u_size;
in float v_status;
in float v_alpha;
out vec4 color;
void main() {
  float r = length(gl_PointCoord * 2.0 - 1.0);
  if (r > 1.0) discard;
  // Confirmed: dark with a white ring; claimed: grey with a white ring; unconfirmed: white, dark ring.
  vec3 fill = v_status < 0.5 ? vec3(0.10) : v_status < 1.5 ? vec3(0.50) : vec3(1.0);
  vec3 ring = v_status < 1.5 ? vec3(1.0) : vec3(0.10);
  float edge = 1.0 - 4.0 / u_size;
  vec3 c = r > edge ? ring : fill;
  float alpha = (1.0 - smoothstep(1.0 - 2.0 / u_size, 1.0, r)) * v_alpha;
  color = vec4(c * alpha, alpha);
}`;

/** The pin layer's program (warmed early: gl-program.ts). */
export const PIN_PROGRAM: ProgramSource = ['pin', VERTEX, FRAGMENT];

type Pin = Feature<Point, ReportFeatureProps>;

/** Which reports pass the filter: a mask in the order of `ids` (data/filter). */
export interface PinFilter {
  ids: readonly string[];
  mask: Uint8Array;
}

export class PinLayer implements CustomLayerInterface {
  readonly id = PINS_LAYER;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  /** Pins sorted by t0, and their mercator positions and times (for clicks and counts). */
  private pins: Pin[] = [];
  private times: number[] = [];
  private merc = new Float64Array(0);
  private base = 0;
  private t: number;
  /** Length of the time window, ms; Infinity shows every pin so far. */
  private windowMs = Number.POSITIVE_INFINITY;
  /** 1 per pin (in pin order) that passes the filter. */
  private mask = new Uint8Array(0);
  private filter: PinFilter | null = null;
  /** Pin i's position in the filter's `ids`, rebuilt when the pins or the id list change. */
  private perm: { ids: readonly string[]; at: Int32Array } | null = null;
  private visible = true;
  private map: MapLibreMap | null = null;
  /** The arrays (or the mask) changed since the buffers were filled. */
  private stale = false;
  private maskStale = false;
  private gl: {
    program: WebGLProgram;
    vao: WebGLVertexArrayObject;
    buffers: WebGLBuffer[];
    uniforms: Record<string, WebGLUniformLocation | null>;
  } | null = null;

  constructor(pins: Pin[], t: number) {
    this.t = t;
    this.index(pins);
  }

  private index(pins: Pin[]) {
    this.pins = [...pins].sort((a, b) => a.properties.t0 - b.properties.t0);
    this.times = this.pins.map((p) => p.properties.t0);
    this.base = this.times[0] ?? 0;
    this.merc = new Float64Array(this.pins.length * 2);
    this.pins.forEach((p, i) => {
      const m = MercatorCoordinate.fromLngLat(p.geometry.coordinates as [number, number]);
      this.merc[2 * i] = m.x;
      this.merc[2 * i + 1] = m.y;
    });
    this.perm = null;
    this.fillMask();
  }

  /** The mask in pin order, from the filter's mask in its own order (all pass without one). */
  private fillMask() {
    const n = this.pins.length;
    if (this.mask.length !== n) this.mask = new Uint8Array(n);
    const f = this.filter;
    if (!f) {
      this.mask.fill(1);
      return;
    }
    if (this.perm?.ids !== f.ids) {
      const pos = new Map(f.ids.map((id, i) => [id, i]));
      this.perm = {
        ids: f.ids,
        at: Int32Array.from(this.pins, (p) => pos.get(p.properties.id) ?? -1),
      };
    }
    const at = this.perm.at;
    // A pin the filter does not know (it came in later) is shown until the filter catches up.
    for (let i = 0; i < n; i++) this.mask[i] = at[i] < 0 ? 1 : f.mask[at[i]];
  }

  /** Shows only the pins the filter lets through (null: all). The pins stay on the GPU; only
   * the one-byte mask is sent. */
  setFilter(filter: PinFilter | null) {
    this.filter = filter;
    this.fillMask();
    this.maskStale = true;
    this.map?.triggerRepaint();
  }

  /** Shows only pins reported in the `ms` before t (Infinity: all so far), fading the older
   * ones: one uniform, whatever the number of pins. */
  setWindow(ms: number) {
    this.windowMs = ms;
    this.map?.triggerRepaint();
  }

  /** Start of the time window, exclusive (epoch ms; -Infinity without one). */
  private get from(): number {
    return this.t - this.windowMs;
  }

  /** Replaces the pins (once, when report files finish loading after the map opened). */
  setPins(pins: Pin[]) {
    this.index(pins);
    // Uploaded in render(): MapLibre restores its own GL state after a custom layer draws, and
    // binding buffers at any other moment could leave its state cache wrong.
    this.stale = true;
    this.map?.triggerRepaint();
  }

  /** Fills the attribute buffers from the arrays. */
  private upload(gl: WebGL2RenderingContext, [posBuf, t0Buf, statusBuf, maskBuf]: WebGLBuffer[]) {
    const n = this.pins.length;
    const t0 = new Float32Array(n);
    const status = new Float32Array(n);
    this.pins.forEach((p, i) => {
      t0[i] = this.rel(p.properties.t0);
      status[i] = STATUS_CODE[p.properties.status] ?? 2;
    });
    for (const [buf, data] of [
      [posBuf, new Float32Array(this.merc)],
      [t0Buf, t0],
      [statusBuf, status],
    ] as const) {
      gl.bindBuffer(gl.ARRAY_BUFFER, buf);
      gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
    }
    this.uploadMask(gl, maskBuf);
  }

  private uploadMask(gl: WebGL2RenderingContext, maskBuf: WebGLBuffer) {
    gl.bindBuffer(gl.ARRAY_BUFFER, maskBuf);
    gl.bufferData(gl.ARRAY_BUFFER, this.mask, gl.DYNAMIC_DRAW);
  }

  /** Time in the shader is hours since the first pin, so float32 keeps minute precision. */
  private rel(t: number): number {
    return (t - this.base) / HOUR;
  }

  setTime(t: number) {
    this.t = t;
    this.map?.triggerRepaint();
  }

  setVisible(on: boolean) {
    this.visible = on;
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap, gl: WebGL2RenderingContext) {
    this.map = map;
    const program = glProgram(gl, ...PIN_PROGRAM);
    const vao = gl.createVertexArray() as WebGLVertexArrayObject;
    gl.bindVertexArray(vao);
    const buffers = (
      [
        ['a_pos', 2, gl.FLOAT],
        ['a_t0', 1, gl.FLOAT],
        ['a_status', 1, gl.FLOAT],
        // One byte a pin, read as 0.0 or 1.0.
        ['a_mask', 1, gl.UNSIGNED_BYTE],
      ] as const
    ).map(([name, size, type]) => {
      const b = gl.createBuffer() as WebGLBuffer;
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      const loc = gl.getAttribLocation(program, name);
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, size, type, false, 0, 0);
      return b;
    });
    this.upload(gl, buffers);
    gl.bindVertexArray(null);
    const uniforms = Object.fromEntries(
      ['u_matrix', 'u_t', 'u_from', 'u_fade', 'u_size', 'u_offset'].map((u) => [
        u,
        gl.getUniformLocation(program, u),
      ]),
    );
    this.gl = { program, vao, buffers, uniforms };
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput) {
    if (!this.gl || !this.visible) return;
    const { program, vao, uniforms } = this.gl;
    // The map's own ratio, not the screen's: an export draws at its own (2× for print).
    const ratio = this.map?.getPixelRatio() ?? 1;
    if (this.stale) {
      this.upload(gl, this.gl.buffers);
      this.stale = false;
      this.maskStale = false;
    }
    if (this.maskStale) {
      this.uploadMask(gl, this.gl.buffers[3]);
      this.maskStale = false;
    }
    gl.useProgram(program);
    gl.uniformMatrix4fv(
      uniforms.u_matrix,
      false,
      options.defaultProjectionData.mainMatrix as Float32Array,
    );
    gl.uniform1f(uniforms.u_t, this.rel(this.t));
    const windowed = Number.isFinite(this.from);
    // Without a window, a start before every pin (float32 cannot hold -Infinity reliably).
    gl.uniform1f(uniforms.u_from, windowed ? this.rel(this.from) : -1e9);
    gl.uniform1f(uniforms.u_fade, windowed ? 1 : 0);
    gl.uniform1f(uniforms.u_size, 2 * PIN_RADIUS_PX * ratio);
    gl.uniform2f(
      uniforms.u_offset,
      (2 * PIN_OFFSET_PX[0] * ratio) / gl.drawingBufferWidth,
      (-2 * PIN_OFFSET_PX[1] * ratio) / gl.drawingBufferHeight,
    );
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(vao);
    const first = upperBound(this.times, this.from);
    const end = upperBound(this.times, this.t);
    if (end > first) gl.drawArrays(gl.POINTS, first, end - first);
    gl.bindVertexArray(null);
  }

  onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext) {
    if (!this.gl) return;
    for (const b of this.gl.buffers) gl.deleteBuffer(b);
    gl.deleteVertexArray(this.gl.vao);
    gl.deleteProgram(this.gl.program);
    this.gl = null;
    this.map = null;
  }

  /** The id of the topmost pin known at t under a screen point, or null. */
  pinAt(point: { x: number; y: number }): string | null {
    if (!this.map || !this.visible) return null;
    const map = this.map;
    const at = { x: point.x - PIN_OFFSET_PX[0], y: point.y - PIN_OFFSET_PX[1] };
    const m = MercatorCoordinate.fromLngLat(map.unproject([at.x, at.y]));
    const worldPx = 512 * 2 ** map.getZoom();
    const tol = PIN_RADIUS_PX / worldPx;
    const n = upperBound(this.times, this.t);
    const first = upperBound(this.times, this.from);
    // Later pins are drawn on top: search from the newest.
    for (let i = n - 1; i >= first; i--) {
      if (this.mask[i] !== 1) continue;
      const dx = this.merc[2 * i] - m.x;
      const dy = this.merc[2 * i + 1] - m.y;
      if (dx * dx + dy * dy <= tol * tol) return this.pins[i].properties.id;
    }
    return null;
  }

  /** How many pins drawn now (known at t, in the window, let through) lie in the view. */
  countInView(): number {
    if (!this.map || !this.visible) return 0;
    const b = this.map.getBounds();
    const nw = MercatorCoordinate.fromLngLat(b.getNorthWest());
    const se = MercatorCoordinate.fromLngLat(b.getSouthEast());
    let count = 0;
    const first = upperBound(this.times, this.from);
    for (let i = upperBound(this.times, this.t) - 1; i >= first; i--) {
      if (this.mask[i] !== 1) continue;
      const x = this.merc[2 * i];
      const y = this.merc[2 * i + 1];
      if (x >= nw.x && x <= se.x && y >= nw.y && y <= se.y) count++;
    }
    return count;
  }
}
