// "Sao chép": opening the box selects the saying with its citation and copies it when the
// browser allows; without JS the box still opens and the text can be selected by hand.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("details.copy").forEach(function (box) {
    box.addEventListener("toggle", function () {
      if (!box.open) return;
      var area = box.querySelector("textarea");
      var summary = box.querySelector("summary");
      area.focus();
      area.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(function () {
          summary.textContent = "Đã sao chép";
        }, function () { /* selection stays: Ctrl+C still works */ });
      }
    });
  });
});
