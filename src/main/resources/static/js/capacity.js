// The capacity chart: chair utilisation (%) as bars and monitoring minutes as a line, per day.
// The canvas carries its data: {labels, utilisation, monitoring}. Chart.js comes from the WebJar.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var canvas = document.getElementById("capacity-chart");
    if (!canvas || typeof Chart === "undefined") {
      return;
    }
    var data = JSON.parse(canvas.getAttribute("data-capacity"));
    new Chart(canvas, {
      data: {
        labels: data.labels,
        datasets: [
          { type: "bar", label: "Chair utilisation (%)", data: data.utilisation, yAxisID: "percent",
            backgroundColor: "rgba(40, 110, 180, 0.55)" },
          { type: "line", label: "Monitoring minutes", data: data.monitoring, yAxisID: "minutes",
            borderColor: "rgba(200, 90, 30, 0.9)", backgroundColor: "rgba(200, 90, 30, 0.9)", tension: 0.2 }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          percent: { type: "linear", position: "left", min: 0, max: 100, title: { display: true, text: "%" } },
          minutes: { type: "linear", position: "right", min: 0, grid: { drawOnChartArea: false },
            title: { display: true, text: "minutes" } }
        }
      }
    });
  });
})();
