// Rating-scale forms: skipped questions hidden, a count of answered questions, and one submit only.
// Everything here is an enhancement; the forms work without it.
(function () {
  "use strict";

  function radiosOf(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll('input[type="radio"]'));
  }

  // data-show-if="q2=1": the question is asked only when question 2 is answered 1 (yes).
  function applySkips(form) {
    form.querySelectorAll("fieldset[data-show-if]").forEach(function (fieldset) {
      var rule = fieldset.getAttribute("data-show-if").split("=");
      var chosen = form.querySelector('input[name="' + rule[0] + '"]:checked');
      var asked = chosen !== null && chosen.value === rule[1];
      fieldset.hidden = !asked;
      radiosOf(fieldset).forEach(function (radio) {
        if (!asked) {
          radio.checked = false;
        }
        radio.disabled = !asked;
      });
    });
  }

  function countAnswers(form) {
    var counter = form.querySelector("[data-answered]");
    if (!counter) {
      return;
    }
    var answered = 0;
    var asked = 0;
    form.querySelectorAll("fieldset.item").forEach(function (fieldset) {
      if (fieldset.hidden) {
        return;
      }
      asked++;
      if (fieldset.querySelector('input[type="radio"]:checked')) {
        answered++;
        fieldset.classList.remove("invalid");
      }
    });
    counter.textContent = String(answered);
    var total = counter.nextElementSibling;
    if (total) {
      total.textContent = String(asked);
    }
  }

  function enhance(root) {
    root.querySelectorAll("form[data-scale-form]").forEach(function (form) {
      if (form.dataset.enhanced) {
        return;
      }
      form.dataset.enhanced = "true";
      applySkips(form);
      countAnswers(form);
      form.addEventListener("change", function () {
        applySkips(form);
        countAnswers(form);
      });
    });
    root.querySelectorAll("form[data-submit-once]").forEach(function (form) {
      if (form.dataset.once) {
        return;
      }
      form.dataset.once = "true";
      form.addEventListener("submit", function () {
        // After the browser has taken the pressed button's name and value into the request.
        window.setTimeout(function () {
          form.querySelectorAll('button[type="submit"]').forEach(function (button) {
            button.disabled = true;
          });
        }, 0);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
  });
  // The chart's entry form arrives through htmx.
  document.addEventListener("htmx:afterSettle", function (event) {
    enhance(event.detail.elt.parentNode || document);
  });
})();
