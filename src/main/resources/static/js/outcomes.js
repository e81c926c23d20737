// Cohort charts: response and remission rates per group as bars, published reference rates as
// dashed lines labelled with their trial. Data come from each canvas's data-outcomes attribute.
(function () {
  "use strict";

  var referenceLines = {
    id: "referenceLines",
    afterDatasetsDraw: function (chart) {
      var refs = chart.options.plugins.referenceLines.items || [];
      var ctx = chart.ctx;
      var area = chart.chartArea;
      var y = chart.scales.y;
      var drawn = 0;
      refs.forEach(function (ref) {
        var py = y.getPixelForValue(ref.percent);
        ctx.save();
        ctx.strokeStyle = ref.measure === "response" ? "#1f5fa8" : "#2e8b57";
        ctx.setLineDash([6, 4]);
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(area.left, py);
        ctx.lineTo(area.right, py);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = ctx.strokeStyle;
        ctx.font = "12px sans-serif";
        ctx.textAlign = "right";
        ctx.fillText(ref.label, area.right - 4, py - 4);
        ctx.restore();
        drawn++;
      });
      chart.canvas.dataset.referenceLines = String(drawn);
    }
  };

  function draw(canvas) {
    var data = JSON.parse(canvas.dataset.outcomes);
    var refs = data.references.filter(function (r) {
      return r.group === "" || data.labels.indexOf(r.group) >= 0;
    });
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: "Response %", data: data.response, backgroundColor: "rgba(31, 95, 168, 0.7)" },
          { label: "Remission %", data: data.remission, backgroundColor: "rgba(46, 139, 87, 0.7)" }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: "% of courses with a baseline" } } },
        plugins: { referenceLines: { items: refs } }
      },
      plugins: [referenceLines]
    });
    canvas.dataset.drawn = "true";
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-outcomes]").forEach(draw);
  });
})();
