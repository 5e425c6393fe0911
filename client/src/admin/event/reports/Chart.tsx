import { createEffect, For, onCleanup, onMount, Show } from "solid-js";
import type uPlotType from "uplot";
import { formatShortDayTime, formatTime } from "../../../i18n/time";
import { type AdminKey, ta } from "../../i18n";
import { COUNT_STEPS, categoryRange, hasData, labelRoom, timeRange, timeSplits, truncate } from "./chart-scale";

const DAY_S = 86_400;

/** Time ticks as the tables write them (the page's language and clock, the event's zone), with the day once the chart spans days. */
const timeTicks = (timeZone: string, xs: readonly number[]) => {
  const multiDay = xs.length > 1 && xs[xs.length - 1]! - xs[0]! >= DAY_S;
  return (_u: uPlotType, splits: number[]) =>
    splits.map((s) => (multiDay ? formatShortDayTime : formatTime)(s * 1000, { timeZone }));
};

/** A chart's data as a table too: its text alternative, and what a screen reader or a printout reads. */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface ChartProps {
  caption: string;
  /** "time": x is epoch ms (drawn in `timeZone`); "category": x are the labels' positions. */
  x:
    | {
        kind: "time";
        values: number[];
        timeZone: string /** the bucket's length, for a lone bucket's width */;
        bucketMs?: number;
      }
    | { kind: "category"; labels: string[] };
  series: { label: string; values: number[] }[];
  table: ChartTable;
  /** Bars for counts per category or bucket, a stepped line for people at once over time. */
  style: "bars" | "steps";
  /** The test hook and the print layout name charts by it. */
  name: string;
}

// uPlot (about 20 kB gzip) is loaded the first time a chart is drawn: only report pages need it.
let library: Promise<typeof uPlotType> | undefined;
const loadUplot = () => {
  library ??= Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(([m]) => m.default);
  return library;
};

/** The series' colours: the page's own custom properties, so light and dark themes keep their contrast. */
const LINES: [string, string][] = [
  ["--accent", "#0b5cad"],
  ["--chart-2", "#a34700"],
  ["--chart-3", "#2f6f2f"],
];
const lineVar = (i: number) => {
  const [name, fallback] = LINES[i % LINES.length]!;
  return `var(${name}, ${fallback})`;
};

function palette(el: HTMLElement): { text: string; grid: string; lines: string[] } {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const text = v("--text", "#1a1a1a");
  return { text, grid: `color-mix(in srgb, ${text} 15%, transparent)`, lines: LINES.map(([n, f]) => v(n, f)) };
}

/** About the width uPlot gives the count axis on the left. */
const Y_AXIS_PX = 50;

/** Bars of two series side by side in their slot (People beside Active people), not drawn over each other. */
const barAlign = (i: number, n: number): -1 | 0 | 1 => (n === 2 ? (i === 0 ? -1 : 1) : 0);

/**
 * A uPlot chart in a figure: the caption names it, and the same numbers are in a table beside it
 * (the chart is `aria-hidden`: the table is its text alternative).
 */
export function Chart(props: ChartProps) {
  let host!: HTMLDivElement;
  let plot: uPlotType | undefined;
  let drawn = false;
  const xCount = () => (props.x.kind === "time" ? props.x.values.length : props.x.labels.length);
  const has = () => hasData(xCount(), props.series);

  async function draw() {
    // Nothing to draw (an event that has not started): the empty text stands in for the chart.
    if (!has()) {
      plot?.destroy();
      plot = undefined;
      drawn = false;
      delete host.dataset.drawn;
      return;
    }
    const uPlot = await loadUplot();
    plot?.destroy();
    const colours = palette(host);
    const xs = props.x.kind === "time" ? props.x.values.map((t) => t / 1000) : props.x.labels.map((_, i) => i);
    const labels = props.x.kind === "category" ? props.x.labels : [];
    const timeZone = props.x.kind === "time" ? props.x.timeZone : undefined;
    const n = props.series.length;
    const bars = (i: number) =>
      barAlign(i, n) === 0
        ? uPlot.paths.bars?.({ size: [0.6, 60] })
        : uPlot.paths.bars?.({ size: [0.3, 30], align: barAlign(i, n) });
    const bucketS = props.x.kind === "time" && props.x.bucketMs ? props.x.bucketMs / 1000 : undefined;
    // A tick per bucket only while their times fit side by side (about 80 px each): a phone gets uPlot's own.
    const splits =
      props.x.kind === "time"
        ? timeSplits(xs, Math.max(1, Math.floor((host.clientWidth - Y_AXIS_PX) / 80)))
        : labels.map((_, i) => i);
    // `extend` carries the last level on to the right edge: the last bucket shows as a step, not a bare rise.
    const stepped = uPlot.paths.stepped?.({ align: 1, extend: true });
    const axis = { stroke: colours.text, grid: { stroke: colours.grid }, ticks: { stroke: colours.grid } };
    plot = new uPlot(
      {
        width: Math.max(280, host.clientWidth),
        height: 240,
        // The legend is drawn below as HTML: uPlot's shows live values ("--" without a cursor).
        legend: { show: false },
        cursor: { show: false },
        ...(timeZone ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), timeZone) } : {}),
        scales: {
          // From the data, not uPlot's guess (a day for a single bucket, bars cut at the edges).
          x:
            props.x.kind === "time"
              ? { time: true, range: () => timeRange(xs, props.style, bucketS) }
              : { time: false, range: () => categoryRange(labels.length) },
          y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [
          {
            ...axis,
            ...(splits ? { splits: () => splits } : {}),
            ...(props.x.kind === "category"
              ? {
                  // A category axis has no grid: the bars mark their slots. Long names are cut to their
                  // slot with an ellipsis; the table below has them whole.
                  grid: { show: false },
                  // (The host's width less the y axis: uPlot's own boxes are not laid out yet on the first draw.)
                  values: (_u: uPlotType, at: number[]) =>
                    at.map((i) => truncate(labels[i] ?? "", labelRoom(host.clientWidth - Y_AXIS_PX, labels.length))),
                }
              : { values: timeTicks(timeZone ?? "UTC", xs) }),
          },
          {
            ...axis,
            incrs: COUNT_STEPS,
            values: (_u: uPlotType, splits: number[]) => splits.map((n) => (Number.isInteger(n) ? n : "")),
          },
        ],
        series: [
          {},
          ...props.series.map((s, i) => ({
            label: s.label,
            stroke: colours.lines[i % colours.lines.length],
            fill: props.style === "bars" ? colours.lines[i % colours.lines.length] : undefined,
            width: 2,
            points: { show: false },
            ...(props.style === "bars" ? { paths: bars(i) } : {}),
            ...(props.style === "steps" && stepped ? { paths: stepped } : {}),
          })),
        ],
      },
      [xs, ...props.series.map((s) => s.values)],
      host,
    );
    drawn = true;
    host.dataset.drawn = "true";
  }

  onMount(() => {
    createEffect(() => {
      // Redraw when the numbers change (a refresh during the event).
      void props.series;
      void props.x;
      void draw();
    });
    const resize = () => {
      if (drawn && plot) plot.setSize({ width: Math.max(280, host.clientWidth), height: 240 });
    };
    window.addEventListener("resize", resize);
    onCleanup(() => {
      window.removeEventListener("resize", resize);
      plot?.destroy();
    });
  });

  return (
    <figure class="report-chart" data-chart={props.name}>
      <figcaption>{props.caption}</figcaption>
      <Show when={!has()}>
        <p class="report-chart-empty">{ta("admin.reports.chart.empty")}</p>
      </Show>
      <div class="report-chart-canvas" ref={host} aria-hidden="true" hidden={!has()} />
      <Show when={has() && props.series.length > 1}>
        <ul class="report-chart-legend" aria-hidden="true">
          <For each={props.series}>
            {(s, i) => (
              <li>
                <span class="report-chart-swatch" style={{ "background-color": lineVar(i()) }} />
                {s.label}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.table.rows.length > 0}>
        <ChartData table={props.table} caption={props.caption} />
      </Show>
    </figure>
  );
}

/** The chart's numbers: a small table, folded away when long so the page stays readable. */
function ChartData(props: { table: ChartTable; caption: string }) {
  const long = () => props.table.rows.length > 8;
  const table = () => (
    <div class="table-scroll">
      <table class="admin-table report-chart-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <For each={props.table.columns}>{(c) => <th scope="col">{c}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.table.rows}>
            {(row) => (
              <tr>
                <For each={row}>{(cell, i) => (i() === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>)}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
  return (
    <Show when={long()} fallback={table()}>
      <details class="report-chart-details">
        <summary>{ta("admin.reports.chart.numbers" satisfies AdminKey)}</summary>
        {table()}
      </details>
    </Show>
  );
}
