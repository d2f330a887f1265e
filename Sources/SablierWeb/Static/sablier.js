// A little progressive help; every page works without it.
// - The error summary takes the focus, so that a screen reader reads what was refused.
// - Buttons marked data-confirm ask before a step that cannot be undone.
// - Print buttons (data-print) print the page.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
  document.querySelectorAll("[data-confirm]").forEach(function (element) {
    element.addEventListener("click", function (event) {
      if (!window.confirm(element.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (element) {
    element.hidden = false;
    element.addEventListener("click", function () { window.print(); });
  });
});
