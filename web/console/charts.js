/** Bar charts (chart.js) for the console's pages: one palette, one chart per canvas (redrawing replaces it). */
export const PALETTE = ['#1f5f8b', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51', '#6d597a', '#8ab17d', '#b56576', '#457b9d'];

export function drawBar(charts, canvasId, labels, datasets, options = {}) {
  charts.get(canvasId)?.destroy();
  const chart = new window.Chart(document.getElementById(canvasId), {
    type: 'bar',
    data: { labels, datasets },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: datasets.length > 1 } },
      scales: { x: { stacked: Boolean(options.stacked) }, y: { beginAtZero: true, stacked: Boolean(options.stacked), ...options.y } },
    },
  });
  charts.set(canvasId, chart);
}
