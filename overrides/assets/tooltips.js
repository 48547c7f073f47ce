/* Cross-reference previews on touch screens. With content.tooltips, Material shows a link's
   title (a term's definition, a figure's source) while the pointer is over the link or the
   link has focus; a finger has no "over", so a tap would just leave the page. Here the first
   tap on a cross-reference (a.xref with a title) focuses it, which shows its tooltip, and a
   second tap on it follows it. Mouse, keyboard and screen-reader use are unchanged: only taps
   from a touch pointer, or any non-mouse pointer where the screen cannot hover, are held. */
(function () {
  "use strict";
  var cannotHover = window.matchMedia("(hover: none)");
  var pointer = ""; // type of the pointer last pressed
  var previewed = null; // the cross-reference whose tooltip the last tap showed

  function leave() {
    if (previewed && document.activeElement === previewed) previewed.blur();
    previewed = null;
  }

  document.addEventListener(
    "pointerdown",
    function (event) {
      pointer = event.pointerType;
      if (previewed && !previewed.contains(event.target)) leave();
    },
    true
  );

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("article a.xref") : null;
    var tapped = pointer === "touch" || (cannotHover.matches && pointer !== "mouse");
    // detail is 0 for a click made with the keyboard (Enter) or by assistive technology.
    if (!link || !tapped || event.detail === 0 || event.defaultPrevented) return;
    if (!link.matches("[title], [aria-describedby]")) return; // nothing to preview
    if (link === previewed) return; // second tap: follow the link
    event.preventDefault();
    previewed = link;
    link.focus({ preventScroll: true });
  });

  document.addEventListener("focusout", function (event) {
    if (event.target === previewed) previewed = null;
  });
})();
