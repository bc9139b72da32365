/* The phone menu: below 48em the search box and the main menu fold behind the "Menu" button
   (a disclosure: aria-expanded on the button, Escape closes it and returns the focus).
   Without this script the button stays hidden and the menu is always shown. */
(function () {
    "use strict";
    var button = document.querySelector("[data-menu-toggle]");
    if (!button) { return; }
    var header = button.closest(".site-header");
    function setOpen(open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        header.classList.toggle("site-header--open", open);
    }
    header.classList.add("site-header--collapsible");
    button.hidden = false;
    setOpen(false);
    button.addEventListener("click", function () {
        setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    header.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && button.offsetParent !== null) {
            setOpen(false);
            button.focus();
        }
    });
}());
