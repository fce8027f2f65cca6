// Small helpers for the staff pages; the pages work without them.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
document.addEventListener("change", function (event) {
  // Filters that apply as soon as they change.
  if (event.target.matches("select[data-autosubmit]")) {
    event.target.form.submit();
  }
});
