// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // after a failed submit, move focus to the error summary so that screen readers announce it
  var summary = document.getElementById('form-errors');
  if (summary) { summary.focus(); }
});
