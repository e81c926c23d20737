// The day timeline: places appointment blocks and hour ticks from their data attributes
// (percentages of the opening hours computed by the server), since the CSP forbids inline styles;
// a click on a free stretch of a row picks the nearest free time at or before it in the booking form.
(function () {
  "use strict";

  function place(root) {
    root.querySelectorAll("[data-left]").forEach(function (element) {
      element.style.left = element.getAttribute("data-left") + "%";
      if (element.hasAttribute("data-width")) {
        element.style.width = element.getAttribute("data-width") + "%";
      }
    });
  }

  function minutes(hhmm) {
    var parts = hhmm.split(":");
    return parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10);
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  document.addEventListener("click", function (event) {
    var track = event.target.closest ? event.target.closest(".timeline-track") : null;
    var grid = track ? track.closest(".timeline-grid") : null;
    var select = document.getElementById("book-start");
    if (!track || !grid || !select || event.target.closest(".block") || track.closest(".timeline-scale")) {
      return;
    }
    var opens = minutes(grid.getAttribute("data-opens"));
    var closes = minutes(grid.getAttribute("data-closes"));
    var box = track.getBoundingClientRect();
    var at = opens + (event.clientX - box.left) / box.width * (closes - opens);
    var best = null;
    Array.prototype.forEach.call(select.options, function (option) {
      if (/^\d\d:\d\d$/.test(option.text) && minutes(option.text) <= at) {
        best = option;
      }
    });
    if (best) {
      select.value = best.value;
      select.focus();
    }
    var hint = document.getElementById("book-hint");
    if (hint) {
      var m = Math.floor(at / 15) * 15;
      hint.textContent = best ? "Time set to " + best.text + "." : "No free time of this type at or before " + pad(Math.floor(m / 60)) + ":" + pad(m % 60) + ".";
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    place(document);
  });
  // htmx swaps the refreshed timeline in; place the new blocks too.
  document.addEventListener("htmx:load", function (event) {
    place(event.target);
  });
})();
