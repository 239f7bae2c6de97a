// Small behaviours that templates ask for with data attributes (no inline script: see the CSP).
(function () {
  "use strict";
  // <select data-autosubmit> submits its form when changed (language switch, filters).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("[data-autosubmit]") && el.form) {
      el.form.submit();
    }
  });
  // <button data-confirm="..."> asks before a destructive or legally significant action.
  document.addEventListener("click", function (event) {
    var el = event.target.closest ? event.target.closest("[data-confirm]") : null;
    if (el && !window.confirm(el.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
  // htmx: send the CSRF token with every request.
  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
  });
})();
