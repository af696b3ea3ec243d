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
