// Changing the sort order re-runs the search at once (the button still works without JS).
document.addEventListener("DOMContentLoaded", function () {
  var sort = document.getElementById("sort");
  if (sort && sort.form && document.getElementById("q").value.trim()) {
    sort.addEventListener("change", function () { sort.form.submit(); });
  }
});
