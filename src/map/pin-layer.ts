/**
 * Report pins drawn by a custom WebGL layer with the time as a shader uniform (the way GPU data
 * filters work, e.g. deck.gl's DataFilterExtension). Every pin is uploaded once; moving in time
 * changes one uniform and asks for a repaint: no re-tiling, no re-upload, whatever the count.
 * Pins not yet known at t are dropped in the vertex shader. Clicks and counts are answered on the
 * CPU from the same arrays (custom layers have no queryRenderedFeatures).
 */
import {
  type CustomLayerInterface,
  type CustomRenderMethodInput,
  type Map as MapLibreMap,
  MercatorCoordinate,
} from 'maplibre-gl';
import { upperBound } from '../lib/search';
import { glProgram } from './gl-program';
import type { ReportFeatureProps } from '../data/map-features';
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
uniform float u_size;
uniform vec2 u_offset;
in vec2 a_pos;
in float a_t0;
in float a_status;
out float v_status;
void main() {
  if (a_t0 > u_t) {
    // Not known yet: outside the clip volume, drawn nowhere.
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  gl_Position.xy += u_offset * gl_Position.w;
  gl_PointSize = u_size;
  v_status = a_status;
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform float u_size;
in float v_status;
out vec4 color;
void main() {
  float r = length(gl_PointCoord * 2.0 - 1.0);
  if (r > 1.0) discard;
  // Confirmed: dark with a white ring; claimed: grey with a white ring; unconfirmed: white, dark ring.
  vec3 fill = v_status < 0.5 ? vec3(0.10) : v_status < 1.5 ? vec3(0.50) : vec3(1.0);
  vec3 ring = v_status < 1.5 ? vec3(1.0) : vec3(0.10);
  float edge = 1.0 - 4.0 / u_size;
  vec3 c = r > edge ? ring : fill;
  float alpha = 1.0 - smoothstep(1.0 - 2.0 / u_size, 1.0, r);
  color = vec4(c * alpha, alpha);
}`;

type Pin = Feature<Point, ReportFeatureProps>;

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
  private visible = true;
  private map: MapLibreMap | null = null;
  /** The arrays changed since the buffers were filled. */
  private stale = false;
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
  private upload(gl: WebGL2RenderingContext, [posBuf, t0Buf, statusBuf]: WebGLBuffer[]) {
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
    const program = glProgram(gl, 'pin', VERTEX, FRAGMENT);
    const vao = gl.createVertexArray() as WebGLVertexArrayObject;
    gl.bindVertexArray(vao);
    const buffers = (
      [
        ['a_pos', 2],
        ['a_t0', 1],
        ['a_status', 1],
      ] as const
    ).map(([name, size]) => {
      const b = gl.createBuffer() as WebGLBuffer;
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      const loc = gl.getAttribLocation(program, name);
      gl.enableVertexAttribArray(loc);
      gl.vertexAttribPointer(loc, size, gl.FLOAT, false, 0, 0);
      return b;
    });
    this.upload(gl, buffers);
    gl.bindVertexArray(null);
    const uniforms = Object.fromEntries(
      ['u_matrix', 'u_t', 'u_size', 'u_offset'].map((u) => [u, gl.getUniformLocation(program, u)]),
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
    }
    gl.useProgram(program);
    gl.uniformMatrix4fv(
      uniforms.u_matrix,
      false,
      options.defaultProjectionData.mainMatrix as Float32Array,
    );
    gl.uniform1f(uniforms.u_t, this.rel(this.t));
    gl.uniform1f(uniforms.u_size, 2 * PIN_RADIUS_PX * ratio);
    gl.uniform2f(
      uniforms.u_offset,
      (2 * PIN_OFFSET_PX[0] * ratio) / gl.drawingBufferWidth,
      (-2 * PIN_OFFSET_PX[1] * ratio) / gl.drawingBufferHeight,
    );
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(vao);
    gl.drawArrays(gl.POINTS, 0, upperBound(this.times, this.t));
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
    // Later pins are drawn on top: search from the newest.
    for (let i = n - 1; i >= 0; i--) {
      const dx = this.merc[2 * i] - m.x;
      const dy = this.merc[2 * i + 1] - m.y;
      if (dx * dx + dy * dy <= tol * tol) return this.pins[i].properties.id;
    }
    return null;
  }

  /** How many pins known at t lie in the current view. */
  countInView(): number {
    if (!this.map || !this.visible) return 0;
    const b = this.map.getBounds();
    const nw = MercatorCoordinate.fromLngLat(b.getNorthWest());
    const se = MercatorCoordinate.fromLngLat(b.getSouthEast());
    let count = 0;
    for (let i = upperBound(this.times, this.t) - 1; i >= 0; i--) {
      const x = this.merc[2 * i];
      const y = this.merc[2 * i + 1];
      if (x >= nw.x && x <= se.x && y >= nw.y && y <= se.y) count++;
    }
    return count;
  }
}
