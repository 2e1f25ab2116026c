// The document page's "Sao chép" button copies the citation line; without JS the button stays
// hidden and the line can be selected by hand in its box.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
    var area = document.getElementById(button.getAttribute("data-copy"));
    if (!area) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      area.focus();
      area.select();
      var done = function () { button.textContent = "Đã sao chép"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(done, function () {
          if (document.execCommand("copy")) done();
        });
      } else if (document.execCommand("copy")) {
        done();
      }
    });
  });
});
