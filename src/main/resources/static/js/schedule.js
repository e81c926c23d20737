// Places appointment blocks and hour ticks on the day timeline from their data attributes
// (percentages of the opening hours computed by the server), since the CSP forbids inline styles.
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

  document.addEventListener("DOMContentLoaded", function () {
    place(document);
  });
  // htmx swaps the refreshed timeline in; place the new blocks too.
  document.addEventListener("htmx:load", function (event) {
    place(event.target);
  });
})();
