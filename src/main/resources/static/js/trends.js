// Trend charts of rating-scale totals with the severity bands shaded behind the line.
// Each <canvas data-trend="{...}"> carries its own data: label, min, max, bands [{min, max, label}]
// and points [{x: epoch ms, y: total, day: "yyyy-MM-dd"}]. Chart.js comes from the WebJar.
(function () {
  "use strict";

  // From calm to alarming; a scale with fewer bands takes colours spread over the range.
  var SHADES = ["rgba(46, 160, 90, 0.16)", "rgba(160, 190, 60, 0.18)", "rgba(240, 190, 40, 0.20)",
    "rgba(240, 130, 40, 0.20)", "rgba(215, 50, 50, 0.20)", "rgba(160, 20, 20, 0.24)"];

  function shade(index, count) {
    if (count <= 1) {
      return SHADES[0];
    }
    return SHADES[Math.round(index * (SHADES.length - 1) / (count - 1))];
  }

  // Where a band's name fits without covering a point: its top right corner, else its top left.
  function labelPosition(chart, text, top, ctx) {
    var area = chart.chartArea;
    var width = ctx.measureText(text).width + 6;
    var meta = chart.getDatasetMeta(0);
    var points = meta && meta.data ? meta.data : [];
    function free(left) {
      return points.every(function (point) {
        return point.x < left - 7 || point.x > left + width + 7 || point.y < top - 7 || point.y > top + 20;
      });
    }
    var right = area.right - width;
    if (free(right)) {
      return { x: area.right - 4, align: "right" };
    }
    if (free(area.left)) {
      return { x: area.left + 4, align: "left" };
    }
    return { x: area.right - 4, align: "right" };
  }

  var severityBands = {
    id: "severityBands",
    beforeDatasetsDraw: function (chart, args, options) {
      var bands = options.bands || [];
      var reversed = options.lowerIsWorse === true;
      var y = chart.scales.y;
      var area = chart.chartArea;
      if (!y || !area || bands.length === 0) {
        return;
      }
      var ctx = chart.ctx;
      ctx.save();
      ctx.beginPath();
      ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
      ctx.clip();
      bands.forEach(function (band, i) {
        // Totals are whole numbers, so neighbouring bands meet half-way between them.
        var low = i === 0 ? y.min : band.min - 0.5;
        var high = i === bands.length - 1 ? y.max : band.max + 0.5;
        var top = y.getPixelForValue(high);
        var bottom = y.getPixelForValue(low);
        ctx.fillStyle = shade(reversed ? bands.length - 1 - i : i, bands.length);
        ctx.fillRect(area.left, top, area.right - area.left, bottom - top);
        if (bottom - top >= 12) {
          ctx.font = "11px system-ui, sans-serif";
          var at = labelPosition(chart, band.label, top, ctx);
          ctx.fillStyle = "rgba(28, 36, 48, 0.7)";
          ctx.textAlign = at.align;
          ctx.textBaseline = "top";
          ctx.fillText(band.label, at.x, top + 2);
        }
      });
      ctx.restore();
    }
  };

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  // Short axis labels ("22 Oct", or "Oct 2026" over long spans); the tooltip names the full date.
  function day(ms, long) {
    var d = new Date(ms);
    return long ? MONTHS[d.getMonth()] + " " + d.getFullYear() : d.getDate() + " " + MONTHS[d.getMonth()];
  }

  function draw(canvas) {
    if (canvas.dataset.drawn || typeof window.Chart === "undefined") {
      return;
    }
    canvas.dataset.drawn = "true";
    var trend = JSON.parse(canvas.dataset.trend);
    var points = trend.points;
    var first = points[0].x;
    var last = points[points.length - 1].x;
    var dayMs = 86400000;
    var margin = last === first ? 3 * dayMs : Math.max((last - first) * 0.06, dayMs / 2);
    var span = last - first + 2 * margin;
    // Whole days between x ticks, as many as fit the width; whole-number steps on the y axis.
    var long = span > 300 * dayMs;
    var ticks = Math.max(2, Math.min(6, Math.floor(canvas.parentNode.clientWidth / 80)));
    var xStep = Math.max(1, Math.ceil(span / dayMs / (ticks - 1))) * dayMs;
    var range = trend.max - trend.min;
    var yStep = range <= 6 ? 1 : range <= 12 ? 2 : range <= 40 ? 5 : 10;
    var reducedMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    new window.Chart(canvas, {
      type: "line",
      data: {
        datasets: [{
          label: trend.label,
          data: points,
          borderColor: "#1d5fa8",
          backgroundColor: "#1d5fa8",
          pointRadius: 4,
          pointHoverRadius: 6,
          borderWidth: 2,
          clip: false,
          tension: 0
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion ? false : { duration: 300 },
        parsing: false,
        scales: {
          x: {
            type: "linear",
            min: first - margin,
            max: last + margin,
            ticks: { stepSize: xStep, maxRotation: 0, autoSkip: true, callback: function (value) { return day(value, long); } },
            afterBuildTicks: function (scale) {
              // Only ticks on a day boundary, so no day is named twice.
              var seen = {};
              scale.ticks = scale.ticks.filter(function (tick) {
                var label = day(tick.value, long);
                var keep = !seen[label];
                seen[label] = true;
                return keep;
              });
            },
            grid: { display: false }
          },
          y: {
            min: trend.min,
            max: trend.max,
            ticks: { stepSize: yStep, precision: 0 },
            afterBuildTicks: function (scale) {
              // The scale's maximum (27 on the PHQ-9) stays, but not squeezed against the step below it.
              scale.ticks = scale.ticks.filter(function (tick) {
                return tick.value % yStep === 0 || (tick.value === trend.max && trend.max % yStep > yStep / 2);
              });
            },
            title: { display: true, text: "Total" }
          }
        },
        plugins: {
          legend: { display: false },
          severityBands: { bands: trend.bands, lowerIsWorse: trend.lowerIsWorse },
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? items[0].raw.day : ""; },
              label: function (item) {
                var total = item.raw.y;
                var band = trend.bands.filter(function (b) { return b.min <= total && total <= b.max; })[0];
                return trend.label + ": " + total + (band ? " (" + band.label + ")" : "");
              }
            }
          }
        }
      },
      plugins: [severityBands]
    });
  }

  function drawAll() {
    document.querySelectorAll("canvas[data-trend]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
