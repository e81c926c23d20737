// A patient's trajectory: a line per scale, dose markers (route and mg), side effects and alerts
// coloured by severity, course phases shaded behind, and response and remission lines for the
// preferred scale, and relapses where they were confirmed. The data comes from <canvas data-trajectory="{...}">. The x axis is linear in
// epoch milliseconds with a date formatter: the project ships no Chart.js date adapter.
(function () {
  "use strict";

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var LINE_COLOURS = ["#1f5fa8", "#b0401a", "#2e8a4a", "#7a3fa0", "#a07a10", "#0d7f8a", "#555555"];
  var SEVERITY = {
    MILD: "#d9a400", NOTIFY: "#d9a400", MODERATE: "#e07020", URGENT: "#e07020", SEVERE: "#b00020", EMERGENCY: "#b00020"
  };
  var DAY = 24 * 3600 * 1000;

  function day(ms) {
    var d = new Date(ms);
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear();
  }

  function dateMs(text) {
    return Date.parse(text.length === 10 ? text + "T00:00:00" : text);
  }

  var phaseBands = {
    id: "phaseBands",
    beforeDatasetsDraw: function (chart, args, options) {
      var x = chart.scales.x;
      var area = chart.chartArea;
      var ctx = chart.ctx;
      ctx.save();
      (options.phases || []).forEach(function (p) {
        var left = Math.max(area.left, x.getPixelForValue(dateMs(p.from)));
        var right = Math.min(area.right, x.getPixelForValue(dateMs(p.to) + DAY));
        if (right <= left) {
          return;
        }
        ctx.fillStyle = p.phase === "INDUCTION" ? "rgba(31, 95, 168, 0.10)" : "rgba(46, 138, 74, 0.10)";
        ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
        ctx.fillStyle = "rgba(28, 36, 48, 0.75)";
        ctx.font = "11px system-ui, sans-serif";
        ctx.textBaseline = "top";
        ctx.fillText((p.phase === "INDUCTION" ? "Induction" : "Maintenance") + " · " + p.protocol, left + 4, area.top + 2);
      });
      ctx.restore();
    }
  };

  function draw(canvas) {
    var data = JSON.parse(canvas.getAttribute("data-trajectory"));
    var datasets = [];
    var scales = [];
    data.scores.forEach(function (s) {
      if (scales.indexOf(s.scale) < 0) {
        scales.push(s.scale);
      }
    });
    scales.forEach(function (scale, i) {
      datasets.push({
        type: "line", label: scale, borderColor: LINE_COLOURS[i % LINE_COLOURS.length],
        backgroundColor: LINE_COLOURS[i % LINE_COLOURS.length], tension: 0, pointRadius: 4,
        data: data.scores.filter(function (s) { return s.scale === scale; })
          .map(function (s) { return { x: Date.parse(s.at), y: s.total, detail: scale + " " + s.total }; })
      });
    });
    var maxTotal = data.scores.reduce(function (m, s) { return Math.max(m, s.total); }, 10);
    var top = Math.ceil((maxTotal + 4) / 5) * 5;
    if (data.doses.length > 0) {
      datasets.push({
        type: "scatter", label: "Doses", pointStyle: "triangle", pointRadius: 8, borderColor: "#333", backgroundColor: "#333",
        data: data.doses.map(function (d) {
          return { x: Date.parse(d.at), y: 0, detail: d.routeLabel + ", " + d.doseMg + " mg" };
        })
      });
    }
    if (data.events.length > 0) {
      datasets.push({
        type: "scatter", label: "Side effects and alerts", pointStyle: "rectRot", pointRadius: 7,
        backgroundColor: data.events.map(function (e) { return SEVERITY[e.severity] || "#777"; }),
        borderColor: data.events.map(function (e) { return SEVERITY[e.severity] || "#777"; }),
        data: data.events.map(function (e) {
          return { x: Date.parse(e.at), y: top - 1, detail: (e.kind === "ALERT" ? "Alert " : "Side effect ") + e.code + " (" + e.severity + ")" };
        })
      });
    }
    if ((data.relapses || []).length > 0) {
      datasets.push({
        type: "scatter", label: "Relapse", pointStyle: "crossRot", pointRadius: 10, borderWidth: 3, borderColor: "#b00020",
        backgroundColor: "#b00020",
        data: data.relapses.map(function (r) {
          return { x: Date.parse(r.confirmedAt), y: r.confirmedTotal, detail: "Relapse: " + r.message };
        })
      });
    }
    var xs = [];
    datasets.forEach(function (d) { d.data.forEach(function (p) { xs.push(p.x); }); });
    (data.phases || []).forEach(function (p) { xs.push(dateMs(p.from)); xs.push(dateMs(p.to) + DAY); });
    var min = Math.min.apply(null, xs) - DAY;
    var max = Math.max.apply(null, xs) + DAY;
    var t = data.thresholds;
    if (t) {
      [{ y: t.responseAtOrBelow, label: t.scale + " response (" + t.responseAtOrBelow + ")", colour: "#e07020" },
        { y: t.remissionAtOrBelow, label: t.scale + " remission (" + t.remissionAtOrBelow + ")", colour: "#2e8a4a" }]
        .forEach(function (line) {
          datasets.push({
            type: "line", label: line.label, borderColor: line.colour, borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5,
            data: [{ x: min, y: line.y, detail: line.label }, { x: max, y: line.y, detail: line.label }]
          });
        });
    }
    canvas.chart = new window.Chart(canvas, {
      type: "line",
      data: { datasets: datasets },
      options: {
        animation: false, maintainAspectRatio: false, parsing: false,
        scales: {
          x: { type: "linear", min: min, max: max, ticks: { callback: function (v) { return day(v); }, maxTicksLimit: 8 } },
          y: { min: 0, max: top, title: { display: true, text: "Total" } }
        },
        plugins: {
          phaseBands: { phases: data.phases },
          tooltip: { callbacks: { label: function (c) { return day(c.raw.x) + ": " + c.raw.detail; } } }
        }
      },
      plugins: [phaseBands]
    });
    canvas.setAttribute("data-drawn", "true");
  }

  function start() {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll("canvas[data-trajectory]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  }
  else {
    start();
  }
})();
