// "No effect this quarter": fill the contribution box with the standard sentence (one click).
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.no-effect");
  if (!button) return;
  var box = document.getElementById(button.dataset.target);
  if (!box) return;
  box.value = box.dataset.noEffect;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  box.focus();
});

// Say at once when the money differs from the plan, so the reason is written before sending.
// The server decides (projects/reporting_services.py); this only warns early.
(function () {
  var box = document.getElementById("money-compare");
  var spent = document.getElementById("id_spent_amount");
  var hint = document.getElementById("variance-hint");
  if (!box || !spent || !hint) return;
  var thai = "๐๑๒๓๔๕๖๗๘๙";
  function amount(text) {
    var arabic = String(text).replace(/[๐-๙]/g, function (d) { return thai.indexOf(d); });
    var cleaned = arabic.replace(/,/g, "").replace("บาท", "").trim();
    return cleaned === "" || isNaN(Number(cleaned)) ? null : Number(cleaned);
  }
  var planned = amount(box.dataset.planned), disbursed = amount(box.dataset.disbursed);
  function check() {
    var typed = amount(spent.value);
    // Only the owner's own figure asks for a reason (projects/reporting/services.py).
    var differs = typed !== null && typed !== planned;
    hint.classList.toggle("d-none", !differs);
  }
  spent.addEventListener("input", check);
  check();
})();
