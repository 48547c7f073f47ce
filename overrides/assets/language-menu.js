// The language menu keeps the reader's place: both Chinese editions and the English pages
// share their heading anchors (ASCII, checked by the tests), so a switch carries the #anchor.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (link && location.hash && link.href.indexOf("#") < 0) {
    link.href = link.href + location.hash;
  }
});
