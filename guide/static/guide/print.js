// Show the "Print" buttons (hidden without JavaScript, where they could not work) and wire them to the browser's print.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
});
