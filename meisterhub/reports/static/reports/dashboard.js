// Draws the dashboard's charts from the JSON the page carries (no inline script: CSP).
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("report-charts");
    if (!source || typeof Chart === "undefined") return;
    var charts = JSON.parse(source.textContent);
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var spec = charts[canvas.dataset.chart];
      if (!spec || canvas.dataset.drawn) return;
      canvas.dataset.drawn = "1";
      var line = spec.type === "line";
      new Chart(canvas, {
        type: spec.type,
        data: {
          labels: spec.labels,
          datasets: spec.datasets.map(function (d) {
            return { label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color,
                     fill: false, tension: 0.2 };
          })
        },
        options: {
          animation: false,
          indexAxis: spec.horizontal ? "y" : "x",
          responsive: true,
          maintainAspectRatio: !spec.horizontal || spec.labels.length < 12,
          plugins: { legend: { display: spec.datasets.length > 1 || line } },
          scales: { x: { stacked: spec.stacked }, y: { stacked: spec.stacked, beginAtZero: true } }
        }
      });
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
