// Course pages: the session timeline (planned windows as bars, given sessions as points) and the
// predicted plasma-concentration curve on the dose-planning page. Data comes in data-* attributes;
// Chart.js from the WebJar. No date adapter: days are plotted as numbers and labelled as dates.
(function () {
  "use strict";

  var DAY = 86400000;

  function toDay(iso) {
    return Math.round(Date.parse(iso + "T00:00:00Z") / DAY);
  }

  function label(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }

  function timeline(canvas) {
    var rows = JSON.parse(canvas.getAttribute("data-timeline"));
    var labels = rows.map(function (r) { return "#" + r.number + " " + r.phase.toLowerCase(); });
    var days = [];
    rows.forEach(function (r) {
      days.push(toDay(r.earliest), toDay(r.latest) + 1);
      if (r.given) {
        days.push(toDay(r.given) + 1);
      }
    });
    var first = Math.min.apply(null, days) - 1;
    var last = Math.max.apply(null, days) + 1;
    canvas.parentElement.classList.add("tall");
    new Chart(canvas, {
      data: {
        labels: labels,
        datasets: [{
          type: "bar",
          label: "Window (earliest to latest)",
          data: rows.map(function (r) { return [toDay(r.earliest), toDay(r.latest) + 1]; }),
          backgroundColor: rows.map(function (r) {
            return r.status === "CANCELLED" ? "rgba(150,150,150,0.25)" : r.phase === "INDUCTION" ? "rgba(40,100,180,0.35)" : "rgba(40,150,110,0.35)";
          }),
          borderSkipped: false
        }, {
          type: "scatter",
          label: "Given",
          data: rows.filter(function (r) { return r.given; }).map(function (r) {
            return { x: toDay(r.given) + 0.5, y: "#" + r.number + " " + r.phase.toLowerCase() };
          }),
          pointRadius: 6,
          pointStyle: "rectRot",
          backgroundColor: "rgba(200,60,40,0.9)"
        }]
      },
      options: {
        indexAxis: "y",
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { type: "linear", min: first, max: last, beginAtZero: false,
            ticks: { stepSize: 7, callback: function (v) { return label(v); } } },
          y: { type: "category", labels: labels }
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: function (ctx) {
                if (ctx.dataset.type === "scatter") {
                  return "given " + label(Math.floor(ctx.raw.x));
                }
                return label(ctx.raw[0]) + " to " + label(ctx.raw[1] - 1);
              }
            }
          }
        }
      }
    });
  }

  function curve(canvas) {
    var points = JSON.parse(canvas.getAttribute("data-points"));
    new Chart(canvas, {
      type: "line",
      data: {
        datasets: [{
          label: "Predicted plasma concentration (ng/mL), model estimate",
          data: points.map(function (p) { return { x: p[0], y: p[1] }; }),
          borderColor: "rgb(40,100,180)",
          pointRadius: 0,
          borderWidth: 2
        }]
      },
      options: {
        animation: false,
        parsing: false,
        scales: {
          x: { type: "linear", title: { display: true, text: "minutes after the start of dosing" } },
          y: { beginAtZero: true, title: { display: true, text: "ng/mL" } }
        },
        plugins: { subtitle: { display: true, text: canvas.getAttribute("data-label") } }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var t = document.getElementById("course-timeline");
    if (t) {
      timeline(t);
    }
    var c = document.getElementById("pk-curve");
    if (c) {
      curve(c);
    }
  });
})();
