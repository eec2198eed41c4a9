/** The ECharts timeline (loaded on demand): provider rows with treatment courses and visits, outcome measures below. */
import * as echarts from 'echarts/core';
import { CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { escapeHtml, fmtDate, humanize } from './format';
import { evidenceOf, MEASURE_COLORS, MODALITY_GROUPS, ts, type TimelineModel } from './timeline-model';
import type { Evidence, TimelineSources } from './types';

echarts.use([CustomChart, LineChart, ScatterChart, GridComponent, TooltipComponent, DataZoomComponent, LegendComponent, MarkLineComponent, MarkAreaComponent, AriaComponent, CanvasRenderer]);

const TOP = 48;
const MEASURE_HEIGHT = 150;
const LEFT = 190;
/** Below the rows: the marker labels (two lines), then the measures' legend, then their grid. */
const MARKER_SPACE = 34;
const MEASURE_GAP = MARKER_SPACE + 34;

/** Rows grow with the number of overlapping courses at one provider (lanes), within limits. */
export function rowHeight(m: TimelineModel) {
  const lanes = m.bars.reduce((n, b) => Math.max(n, b.lanes), 1);
  return Math.min(64, Math.max(36, lanes * 8 + 16));
}

export function chartHeight(m: TimelineModel) {
  return TOP + Math.max(1, m.rows.length) * rowHeight(m) + MARKER_SPACE + (m.measures.length ? MEASURE_GAP - MARKER_SPACE + MEASURE_HEIGHT + 24 : 0) + 56;
}

const fmtTs = (t: number) => fmtDate(new Date(t).toISOString().slice(0, 10));
const quote = (e?: Evidence) => (e ? `<div class="tt-quote">“${escapeHtml(e.quote.length > 140 ? `${e.quote.slice(0, 139)}…` : e.quote)}”</div><div class="tt-cite">${escapeHtml(e.exhibit ?? `${e.file} p.${e.page}`)} — click to open</div>` : '');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** Rich-text axis labels are not truncated by ECharts: clip them here (and keep ECharts' rich-text markup out). */
const clipLabel = (t: string, n: number) => {
  const x = t.replace(/[{}|]/g, ' ');
  return x.length > n ? `${x.slice(0, n - 1).trimEnd()}…` : x;
};

/** Height of a row's bar band: thin bars for a single course, lanes for overlapping ones. */
const bandOf = (rowH: number, lanes: number) => Math.min(rowH * 0.72, lanes * 14 + (lanes - 1) * 2);

/** Above this many dots a series is drawn as one path (hover and click still find each dot). */
const LARGE = 500;
/** A measure with more points than this in view is drawn as its line alone: its points appear as the chart is zoomed in. */
const DENSE = 300;

/** Thousands of points as one flat array: ECharts copies it at once, where nested arrays are cloned one by one. */
const xy = (points: [number, number][]) => Float64Array.from(points.flat());

/** What a click opens: a citation at hand, or a visit's or a measure point's, which the timeline's sources hold. */
export type Target = { evidence: Evidence } | { visit: number } | { measure: number; point: number };

/**
 * Draws the chart, all of it before returning (no animation, no series drawn progressively). `sources`: what the
 * dots cite, once it has come (their tooltips quote it).
 */
export function mountTimeline(el: HTMLElement, m: TimelineModel, onOpen: (t: Target) => void, sources: () => TimelineSources | null) {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  /** The evidence a dot cites, if the sources have come. */
  const cited = (pick: (s: TimelineSources) => TimelineSources['visits'][number] | undefined) => {
    const s = sources();
    const c = s && pick(s);
    return s && c ? evidenceOf(s.files, c) : undefined;
  };
  const ROW_HEIGHT = rowHeight(m);
  const rowsBottom = TOP + Math.max(1, m.rows.length) * ROW_HEIGHT;
  const measureTop = rowsBottom + MEASURE_GAP;
  const hasMeasures = m.measures.length > 0;
  const pad = m.range ? Math.max(15 * 86_400_000, (m.range[1] - m.range[0]) * 0.02) : 0;
  const xMin = m.range ? m.range[0] - pad : undefined;
  const xMax = m.range ? m.range[1] + pad : undefined;

  const markLine = (withLabels: boolean) => ({
    silent: true,
    symbol: ['none', 'none'],
    animation: false,
    data: m.markers.map((k) => ({
      xAxis: k.date,
      lineStyle: { color: k.color, type: k.label === 'MMI' ? 'solid' : 'dashed', width: k.label === 'MMI' ? 2 : 1.5 },
      label: withLabels ? { show: true, position: 'end', formatter: `${k.label}\n${fmtTs(k.date)}`, color: k.color, fontWeight: 600, fontSize: 11, lineHeight: 13 } : { show: false },
    })),
  });

  const groupsUsed = MODALITY_GROUPS.filter((g) => m.bars.some((s) => s.group === g.id));

  const courseSeries = groupsUsed.map((g) => ({
    id: `course-${g.id}`,
    name: g.label,
    type: 'custom',
    xAxisIndex: 0,
    yAxisIndex: 0,
    color: g.color,
    encode: { x: [0, 1], y: 2 },
    clip: true,
    progressive: 0,
    data: m.bars
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.group === g.id)
      .map(({ s, i }) => ({ value: [s.start, s.end, s.row, s.lane, s.lanes, i], bar: i })),
    renderItem: (params: Any, api: Any) => {
      const start = api.coord([api.value(0), api.value(2)]);
      const end = api.coord([api.value(1), api.value(2)]);
      const rowH = api.size([0, 1])[1];
      const lanes = api.value(4) as number;
      const lane = api.value(3) as number;
      const seg = m.bars[api.value(5) as number];
      const band = bandOf(rowH, lanes);
      const h = Math.max(3, band / lanes - (lanes > 1 ? 1.5 : 0));
      const y = start[1] - band / 2 + lane * (band / lanes);
      const rect = echarts.graphic.clipRectByRect(
        { x: start[0] - 2, y, width: Math.max(end[0] - start[0], 0) + 4, height: h },
        { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height },
      );
      if (!rect) return null;
      return {
        type: 'rect',
        shape: { ...rect, r: Math.min(3, h / 2) },
        style: seg.performed
          ? { fill: g.color, opacity: 0.85 }
          : { fill: '#ffffff', stroke: g.color, lineWidth: 1.5, lineDash: [4, 3] },
        emphasis: { style: { opacity: 1, shadowBlur: 4, shadowColor: 'rgba(0,0,0,.25)' } },
      };
    },
  }));

  const visitSeries = {
    id: 'visits',
    name: 'Visits',
    type: 'scatter',
    xAxisIndex: 0,
    yAxisIndex: 0,
    z: 5,
    symbol: 'circle',
    symbolSize: 7.2,
    // Outlined to tell neighbours apart; thousands of dots are drawn as a band, with no outline to paint.
    itemStyle: { color: '#1d2433', borderColor: '#fff', borderWidth: m.visits.length > LARGE ? 0 : 1 },
    large: true,
    largeThreshold: LARGE,
    progressive: 0,
    data: xy(m.visits.map(([row, date]) => [ts(date)!, row])),
  };

  /** Courses' dated events (when the record has no dated visits) and the claimant's entries; also carries the markers. */
  const markSeries = {
    id: 'marks',
    name: m.markMode === 'visits' ? 'Claimant’s own entries' : 'Dated sessions and events',
    type: 'custom',
    xAxisIndex: 0,
    yAxisIndex: 0,
    z: 5,
    color: m.markMode === 'visits' ? '#b8860b' : '#1d2433',
    encode: { x: 0, y: 1 },
    clip: true,
    progressive: 0,
    data: m.marks.map((k, i) => ({ value: [k.date, k.row, i] })),
    renderItem: (params: Any, api: Any) => {
      const k = m.marks[api.value(2) as number];
      const [x, yc] = api.coord([api.value(0), api.value(1)]);
      const c = params.coordSys;
      if (x < c.x - 1 || x > c.x + c.width + 1) return null;
      const rowH = api.size([0, 1])[1];
      const band = bandOf(rowH, k.lanes);
      const y = k.lanes > 1 || k.kind === 'event' ? yc - band / 2 + (k.lane + 0.5) * (band / k.lanes) : yc;
      if (k.kind === 'entry') {
        return { type: 'polygon', shape: { points: [[x, y - 6], [x + 6, y], [x, y + 6], [x - 6, y]] }, style: { fill: '#b8860b', stroke: '#fff', lineWidth: 1 } };
      }
      return {
        type: 'circle',
        shape: { cx: x, cy: y, r: 3.2 },
        style: k.performed ? { fill: '#ffffff', stroke: '#1d2433', lineWidth: 1.4 } : { fill: '#eef0f3', stroke: '#596173', lineWidth: 1, lineDash: [1.5, 1.5] },
      };
    },
    markLine: markLine(true),
  };

  /** The points of each measure, shown or not for the share of the time range in view (hover finds them either way). */
  const pointStyles = (inView: number) => m.measures.map((ms, i) => ({ id: `points-${i}`, itemStyle: { opacity: ms.points.length * inView > DENSE ? 0 : 1 } }));

  // Each measure: its line (sampled to the chart's width when dense), and its points, which hover and click find.
  const measureSeries = m.measures.flatMap((ms, i) => {
    const color = MEASURE_COLORS[i % MEASURE_COLORS.length];
    const norm = (v: number) => Math.max(0, Math.min(100, (v / ms.max) * 100));
    const base = ms.points[0][1];
    const band = ms.mcid ? [norm(base - ms.mcid), norm(base + ms.mcid)] : null;
    const data = xy(ms.points.map(([date, value]) => [ts(date)!, norm(value)]));
    return [{
      id: `measure-${i}`,
      name: ms.label,
      type: 'line',
      xAxisIndex: 1,
      yAxisIndex: 1,
      color,
      silent: true,
      showSymbol: false,
      sampling: 'lttb',
      lineStyle: { width: 2 },
      data,
      markArea: band
        ? {
            silent: true,
            itemStyle: { color, opacity: 0.08 },
            label: { show: true, position: 'insideTopLeft', formatter: `${ms.instrument} baseline ± MCID (${ms.mcid})`, color, fontSize: 10 },
            data: [[{ yAxis: band[0] }, { yAxis: band[1] }]],
          }
        : undefined,
      markLine: i === 0 ? markLine(false) : undefined,
    }, {
      id: `points-${i}`,
      name: ms.label,
      type: 'scatter',
      xAxisIndex: 1,
      yAxisIndex: 1,
      color,
      symbolSize: 6,
      large: true,
      largeThreshold: LARGE,
      progressive: 0,
      data,
      itemStyle: pointStyles(1)[i].itemStyle,
    }];
  });

  const option: Any = {
    animation: false,
    aria: { enabled: true, label: { description: `Treatment timeline: ${m.rows.length} rows, ${m.bars.length} treatment courses, ${m.markMode === 'visits' ? `${m.visits.length} dated visits` : `${m.marks.length} dated events`}${hasMeasures ? `, and ${m.measures.length} outcome measures over time` : ''}. The table below lists the same treatment.` } },
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
    legend: [
      { top: 4, left: LEFT, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11, color: '#3b4352' }, data: [...groupsUsed.map((g) => g.label), ...(m.visits.length ? [visitSeries.name] : []), ...(m.marks.length ? [markSeries.name] : [])] },
      ...(hasMeasures
        ? [{ top: rowsBottom + MARKER_SPACE + 6, left: LEFT, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11, color: '#3b4352' }, data: m.measures.map((x) => x.label) }]
        : []),
    ],
    tooltip: {
      trigger: 'item',
      confine: true,
      backgroundColor: '#ffffff',
      borderColor: '#c9ced8',
      textStyle: { color: '#1d2433', fontSize: 12 },
      extraCssText: 'max-width:360px;white-space:normal;box-shadow:0 4px 14px rgba(0,0,0,.12);',
      formatter: (p: Any) => {
        if (p.seriesType === 'custom' && p.seriesId !== 'marks') {
          const s = m.bars[p.data.bar];
          const dates = s.start === s.end ? fmtTs(s.start) : `${fmtTs(s.start)} – ${fmtTs(s.end)}`;
          return `<strong>${escapeHtml(s.label)}</strong>${s.drugClass ? ` <span class="tt-muted">(${escapeHtml(s.drugClass)})</span>` : ''}<br>${escapeHtml(dates)} · ${escapeHtml(m.rows[s.row].label)}<br>${escapeHtml(s.performed ? `${s.events} dated mention${s.events === 1 ? '' : 's'}` : 'Not performed here')} · course ${escapeHtml(humanize(s.status).toLowerCase())}${s.reasonStopped ? `<br>Stopped: ${escapeHtml(s.reasonStopped)}` : ''}${quote(s.evidence)}`;
        }
        if (p.seriesId === 'visits') {
          const [row, date, title] = m.visits[p.dataIndex];
          return `<strong>${escapeHtml(title)}</strong><br>${escapeHtml(fmtDate(date))} · ${escapeHtml(m.rows[row]?.label ?? '')}${quote(cited((s) => s.visits[p.dataIndex]))}`;
        }
        if (p.seriesId === 'marks') {
          const k = m.marks[p.value[2]];
          const who = m.rows[k.row]?.label ?? '';
          return `<strong>${escapeHtml(k.title)}</strong><br>${escapeHtml(fmtDate(k.dateText))} · ${escapeHtml(k.kind === 'event' ? `${k.detail} · ${who}` : k.detail)}${k.kind === 'entry' ? '<br><span class="tt-muted">The claimant’s own entry — not medical evidence</span>' : quote(k.evidence)}`;
        }
        if (String(p.seriesId).startsWith('points-')) {
          const ms = m.measures[Number(String(p.seriesId).slice(7))];
          const [date, value] = ms.points[p.dataIndex];
          return `<strong>${escapeHtml(ms.label)}: ${escapeHtml(value)}</strong><br>${escapeHtml(fmtDate(date))}${ms.mcid ? `<br><span class="tt-muted">MCID ${escapeHtml(ms.mcid)} · ${ms.higherIsBetter ? 'higher is better' : 'lower is better'} · trend: ${escapeHtml(ms.verdict)}</span>` : ''}${quote(cited((s) => s.points[Number(String(p.seriesId).slice(7))]?.[p.dataIndex]))}`;
        }
        return '';
      },
    },
    grid: [
      { id: 'rows', outerBoundsMode: 'none', left: LEFT, right: 28, top: TOP, height: Math.max(1, m.rows.length) * ROW_HEIGHT },
      ...(hasMeasures ? [{ id: 'measures', outerBoundsMode: 'none', left: LEFT, right: 28, top: measureTop, height: MEASURE_HEIGHT }] : []),
    ],
    xAxis: [
      { type: 'time', gridIndex: 0, min: xMin, max: xMax, position: 'top', axisLabel: { color: '#5a6272', fontSize: 11, hideOverlap: true }, axisLine: { lineStyle: { color: '#c9ced8' } }, splitLine: { show: true, lineStyle: { color: '#eef0f3' } } },
      ...(hasMeasures ? [{ type: 'time', gridIndex: 1, min: xMin, max: xMax, axisLabel: { color: '#5a6272', fontSize: 11, hideOverlap: true }, axisLine: { lineStyle: { color: '#c9ced8' } }, splitLine: { show: true, lineStyle: { color: '#eef0f3' } } }] : []),
    ],
    yAxis: [
      {
        type: 'category',
        gridIndex: 0,
        inverse: true,
        data: m.rows.map((r) => r.label),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#c9ced8' } },
        splitLine: { show: true, lineStyle: { color: '#eef0f3' } },
        splitArea: { show: true, areaStyle: { color: ['#ffffff', '#f8f9fb'] } },
        axisLabel: {
          width: LEFT - 16,
          overflow: 'truncate',
          color: '#1d2433',
          fontSize: 11,
          formatter: (_: string, i: number) => `{n|${clipLabel(m.rows[i].label, 27)}}${m.rows[i].specialty ? `\n{s|${clipLabel(m.rows[i].specialty!, 32)}}` : ''}`,
          rich: { n: { fontSize: 11, lineHeight: 14, color: '#1d2433', fontWeight: 600, width: LEFT - 16, align: 'right' }, s: { fontSize: 10, lineHeight: 13, color: '#5a6272', width: LEFT - 16, align: 'right' } },
        },
      },
      ...(hasMeasures
        ? [{ type: 'value', gridIndex: 1, min: 0, max: 100, interval: 25, name: '% of scale', nameLocation: 'middle', nameGap: 36, nameTextStyle: { color: '#5a6272', fontSize: 11 }, axisLabel: { color: '#5a6272', fontSize: 11 }, splitLine: { lineStyle: { color: '#eef0f3' } } }]
        : []),
    ],
    dataZoom: [
      { type: 'inside', xAxisIndex: hasMeasures ? [0, 1] : [0], filterMode: 'none', zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false, moveOnMouseMove: true },
      { type: 'slider', showDataShadow: false, xAxisIndex: hasMeasures ? [0, 1] : [0], filterMode: 'none', bottom: 12, height: 22, left: LEFT, right: 28, labelFormatter: (v: number) => fmtTs(v), textStyle: { color: '#5a6272', fontSize: 11 }, borderColor: '#c9ced8', fillerColor: 'rgba(29,79,122,.12)', handleStyle: { color: '#1d4f7a' } },
    ],
    series: [...courseSeries, ...(m.visits.length ? [visitSeries] : []), markSeries, ...measureSeries],
  };

  chart.setOption(option);
  let shown = JSON.stringify(pointStyles(1));
  chart.on('datazoom', (e: Any) => {
    const z = e.batch?.[0] ?? e;
    if (typeof z.start !== 'number' || typeof z.end !== 'number') return;
    const styles = pointStyles((z.end - z.start) / 100);
    if (JSON.stringify(styles) !== shown) chart.setOption({ series: styles });
    shown = JSON.stringify(styles);
  });
  chart.on('click', (p: Any) => {
    let ev: Evidence | undefined;
    if (p.seriesId === 'visits') return onOpen({ visit: p.dataIndex });
    if (String(p.seriesId).startsWith('points-')) return onOpen({ measure: Number(String(p.seriesId).slice(7)), point: p.dataIndex });
    if (p.seriesId === 'marks') {
      const k = m.marks[p.value[2]];
      if (k.kind !== 'entry') ev = k.evidence;
    } else if (p.seriesType === 'custom') ev = m.bars[p.data.bar]?.evidence;
    if (ev) onOpen({ evidence: ev });
  });

  return {
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
    reset: () => chart.dispatchAction({ type: 'dataZoom', start: 0, end: 100 }),
  };
}
