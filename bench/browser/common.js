// Shared by the Chart.js and ECharts pages: the same report, the same view, the same two charts.
// (Those libraries take floats; budget-lens parses the report text itself, exactly.)
export const REPORT = '/www/reports/panjin-xinglongtai-2021.json';
export const VIEW = 'gpb_by_function';

export async function loadItems() {
  const report = await (await fetch(REPORT, { cache: 'no-store' })).json();
  let node = report.breakdowns.find((n) => n.id === VIEW);
  return node.items.map((item) => ({ label: item.label, value: Number(item.amount) }));
}

/** Resolves window.benchDrawn with the time the charts were on screen (after the next frame). */
export function markDrawn() {
  requestAnimationFrame(() => {
    window.benchDrawnAt = performance.now();
    document.documentElement.dataset.drawn = '1';
  });
}
