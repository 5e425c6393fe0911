import { createEffect, For, onCleanup, onMount, Show } from "solid-js";
import type uPlotType from "uplot";
import { formatShortDayTime, formatTime } from "../../../i18n/time";
import { type AdminKey, ta } from "../../i18n";

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
  x: { kind: "time"; values: number[]; timeZone: string } | { kind: "category"; labels: string[] };
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

/** Colours from the page's own custom properties, so light and dark themes keep their contrast. */
function palette(el: HTMLElement): { text: string; grid: string; lines: string[] } {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const text = v("--text", "#1a1a1a");
  return {
    text,
    grid: `color-mix(in srgb, ${text} 15%, transparent)`,
    lines: [v("--accent", "#0b5cad"), v("--chart-2", "#a34700"), v("--chart-3", "#2f6f2f")],
  };
}

/**
 * A uPlot chart in a figure: the caption names it, and the same numbers are in a table beside it
 * (the chart is `aria-hidden`: the table is its text alternative).
 */
export function Chart(props: ChartProps) {
  let host!: HTMLDivElement;
  let plot: uPlotType | undefined;
  let drawn = false;

  async function draw() {
    const uPlot = await loadUplot();
    plot?.destroy();
    const colours = palette(host);
    const xs = props.x.kind === "time" ? props.x.values.map((t) => t / 1000) : props.x.labels.map((_, i) => i);
    const labels = props.x.kind === "category" ? props.x.labels : [];
    const timeZone = props.x.kind === "time" ? props.x.timeZone : undefined;
    const bars = uPlot.paths.bars?.({ size: [0.6, 60] });
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    const axis = { stroke: colours.text, grid: { stroke: colours.grid }, ticks: { stroke: colours.grid } };
    plot = new uPlot(
      {
        width: Math.max(280, host.clientWidth),
        height: 240,
        legend: { show: props.series.length > 1 },
        cursor: { show: false },
        ...(timeZone ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), timeZone) } : {}),
        scales: {
          // A single point (one bucket) gets an hour around it rather than uPlot's span of years.
          x:
            props.x.kind === "time"
              ? { time: true, range: (_u, min, max) => (min === max ? [min - 1800, max + 1800] : [min, max]) }
              : { time: false },
          y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [
          {
            ...axis,
            ...(props.x.kind === "category"
              ? { values: (_u: uPlotType, splits: number[]) => splits.map((i) => labels[i] ?? "") }
              : { values: timeTicks(timeZone ?? "UTC", xs) }),
          },
          { ...axis, values: (_u: uPlotType, splits: number[]) => splits.map((n) => (Number.isInteger(n) ? n : "")) },
        ],
        series: [
          {},
          ...props.series.map((s, i) => ({
            label: s.label,
            stroke: colours.lines[i % colours.lines.length],
            fill: props.style === "bars" ? colours.lines[i % colours.lines.length] : undefined,
            width: 2,
            points: { show: false },
            ...(props.style === "bars" && bars ? { paths: bars } : {}),
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
      <div class="report-chart-canvas" ref={host} aria-hidden="true" />
      <ChartData table={props.table} caption={props.caption} />
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
